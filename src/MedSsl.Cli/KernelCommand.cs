using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MedSsl.Cli;

/// <summary>
/// `medssl kernel install`: registers the C# kernel with Jupyter the way `jupyter kernelspec install --user`
/// does, so JupyterLab, Notebook and VS Code list "C# (MedSSL)".
/// </summary>
internal static class KernelCommand
{
    public const string Name = "medssl-csharp";

    public static Command Create()
    {
        var prefix = new Option<string?>("--prefix") { Description = "Install into PREFIX/share/jupyter/kernels (e.g. a virtual environment) instead of the user's data folder." };
        var interrupt = new Option<string>("--interrupt-mode")
        {
            Description = "How front ends interrupt a cell: message (interrupt_request; works everywhere) or signal (SIGINT).",
            DefaultValueFactory = _ => "message",
        };
        interrupt.AcceptOnlyFromAmong("message", "signal");
        var install = new Command("install", "Write the kernelspec (kernel.json) so Jupyter and VS Code list the \"C# (MedSSL)\" kernel.") { prefix, interrupt };
        install.SetAction(r => Install(r.GetValue(prefix), r.GetValue(interrupt)!));
        return new Command("kernel", "The C# Jupyter kernel.") { install };
    }

    static int Install(string? prefix, string interruptMode)
    {
        if (KernelHost.KernelDll() is not { } dll) return 1;
        var dir = Path.Combine(prefix is null ? JupyterDataDir() : Path.Combine(prefix, "share", "jupyter"), "kernels", Name);
        Directory.CreateDirectory(dir);
        var spec = new JsonObject
        {
            ["argv"] = new JsonArray(KernelHost.Dotnet(), dll, "{connection_file}"),
            ["display_name"] = "C# (MedSSL)",
            ["language"] = "C#",
            ["interrupt_mode"] = interruptMode,
            ["env"] = new JsonObject { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" },
            ["metadata"] = new JsonObject { ["debugger"] = false },
        };
        var path = Path.Combine(dir, "kernel.json");
        File.WriteAllText(path, spec.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        Console.WriteLine($"installed kernelspec {Name} in {dir}");
        Console.WriteLine("open a notebook in JupyterLab, Notebook or VS Code and pick the kernel \"C# (MedSSL)\"");
        return 0;
    }

    /// <summary>Where `jupyter --data-dir` points: JUPYTER_DATA_DIR, else the per-OS user folder.</summary>
    static string JupyterDataDir()
    {
        if (Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR") is { Length: > 0 } explicitDir) return explicitDir;
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsWindows()) return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "jupyter");
        if (OperatingSystem.IsMacOS()) return Path.Combine(home, "Library", "Jupyter");
        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        return Path.Combine(string.IsNullOrEmpty(xdg) ? Path.Combine(home, ".local", "share") : xdg, "jupyter");
    }
}

/// <summary>The kernel executable next to this CLI's build, and how to start it.</summary>
internal static class KernelHost
{
    /// <summary>src/MedSsl.Kernel/bin/{Config}/{tfm}/MedSsl.Kernel.dll beside this CLI's src/MedSsl.Cli/bin/{Config}/{tfm}/,
    /// or null (with the reason on stderr) when it has not been built.</summary>
    public static string? KernelDll()
    {
        var cliDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (tfm, config, src) = (cliDir.Name, cliDir.Parent?.Name, cliDir.Parent?.Parent?.Parent?.Parent?.FullName);
        var dll = src is null ? null : Path.Combine(src, "MedSsl.Kernel", "bin", config!, tfm, "MedSsl.Kernel.dll");
        if (dll is not null && File.Exists(dll)) return dll;
        Console.Error.WriteLine($"medssl: the kernel is not built ({dll ?? "no src/MedSsl.Kernel beside the CLI"}); run ./medssl setup");
        return null;
    }

    /// <summary>The dotnet host running this CLI (an absolute path: VS Code may start kernels without PATH).</summary>
    public static string Dotnet()
    {
        var self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet") return self;
        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
    }

    /// <summary>Runs the kernel executable with args in this console and returns its exit code.</summary>
    public static int Run(IEnumerable<string> args)
    {
        if (KernelDll() is not { } dll) return 1;
        var start = new ProcessStartInfo(Dotnet()) { UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        process.WaitForExit();
        return process.ExitCode;
    }
}
