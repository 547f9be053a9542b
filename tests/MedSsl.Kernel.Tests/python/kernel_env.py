"""A private Jupyter set-up for the kernel's Python tests: kernelspecs in a temporary JUPYTER_PATH, and
Jupyter's data/runtime/config folders there too, so the tests never read or write the user's home.

Import this before anything that starts kernels. The kernel dll is MEDSSL_KERNEL_DLL (the xUnit runner sets
it), else the Release build of this checkout.
"""
import atexit
import json
import os
import shutil
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
KERNEL_DLL = os.environ.get("MEDSSL_KERNEL_DLL") or os.path.join(
    ROOT, "src", "MedSsl.Kernel", "bin", "Release", "net10.0", "MedSsl.Kernel.dll")
KERNEL = "medssl-csharp"            # interrupt_mode "message", as ./medssl kernel install writes it
SIGNAL_KERNEL = "medssl-csharp-signal"  # the same kernel interrupted with SIGINT

if not os.path.exists(KERNEL_DLL):
    sys.exit(f"kernel not built: {KERNEL_DLL} (run ./medssl setup)")

_home = tempfile.mkdtemp(prefix="medssl-jupyter-")
atexit.register(shutil.rmtree, _home, ignore_errors=True)
for name, mode in ((KERNEL, "message"), (SIGNAL_KERNEL, "signal")):
    spec_dir = os.path.join(_home, "kernels", name)
    os.makedirs(spec_dir)
    with open(os.path.join(spec_dir, "kernel.json"), "w") as f:
        json.dump({"argv": [shutil.which("dotnet") or "dotnet", KERNEL_DLL, "{connection_file}"],
                   "display_name": "C# (MedSSL)", "language": "C#", "interrupt_mode": mode}, f)
os.environ.update({
    "JUPYTER_PATH": _home,
    "JUPYTER_DATA_DIR": os.path.join(_home, "data"),
    "JUPYTER_RUNTIME_DIR": os.path.join(_home, "runtime"),
    "JUPYTER_CONFIG_DIR": os.path.join(_home, "config"),
    "JUPYTER_PLATFORM_DIRS": "1",
    "DOTNET_CLI_TELEMETRY_OPTOUT": "1",
    "DOTNET_NOLOGO": "1",
})
