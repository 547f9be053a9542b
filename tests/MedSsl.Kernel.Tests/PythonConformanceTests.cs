using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace MedSsl.Kernel.Tests;

/// <summary>
/// The Python suites in python/ run against the built kernel through Jupyter's own clients: jupyter_kernel_test
/// (protocol conformance), jupyter_client (interrupts, stdin, restart, forged signatures), nbconvert and nbclient
/// (whole notebooks). Debian's /usr/bin/python3 with python3-jupyter-kernel-test, jupyter-nbconvert,
/// python3-nbclient and jupyter-client (./medssl test installs them).
/// </summary>
public partial class PythonConformanceTests(ITestOutputHelper output)
{
    const string Python = "/usr/bin/python3";

    [Theory]
    [InlineData("test_kernel_conformance")]
    [InlineData("test_kernel_behaviour")]
    [InlineData("test_notebook_execution")]
    public void Suite_Passes(string module)
    {
        var folder = Path.Combine(Repo.Root, "tests", "MedSsl.Kernel.Tests", "python");
        var probe = Repo.Run(Python, ["-c", "import jupyter_kernel_test, jupyter_client, nbclient, nbconvert, nbformat, zmq"]);
        Assert.True(probe.Code == 0, $"{Python} lacks the Jupyter test packages (./medssl test installs them):\n{probe.Err}");
        Assert.True(File.Exists(Repo.KernelDll), $"kernel not built: {Repo.KernelDll}");

        var (code, stdout, stderr) = Repo.Run(Python, ["-m", "unittest", "-v", module], folder,
            new Dictionary<string, string> { ["MEDSSL_KERNEL_DLL"] = Repo.KernelDll, ["PYTHONDONTWRITEBYTECODE"] = "1" },
            timeoutSeconds: 240);
        var report = stdout + stderr;
        var results = TestLine().Matches(report).Select(m => $"{m.Groups[1].Value}: {m.Groups[2].Value}").ToList();
        foreach (var line in results) output.WriteLine(line);
        Assert.True(code == 0, $"{module} failed (exit {code}):\n{report}");
        Assert.Contains(results, r => r.EndsWith(": ok"));
        Assert.DoesNotContain(results, r => r.EndsWith("FAIL") || r.EndsWith("ERROR"));
    }

    [GeneratedRegex(@"^(test_\w+) \([\w.]+\) \.\.\. (?:\[medssl-kernel[^\n]*\n)*(ok|FAIL|ERROR|skipped.*)$", RegexOptions.Multiline)]
    private static partial Regex TestLine();
}
