using System.Diagnostics;

namespace MedSsl.Kernel.Tests;

/// <summary>Paths of this checkout's builds, and running them as the user would.</summary>
internal static class Repo
{
    static readonly DirectoryInfo binDir = new(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)); // …/bin/{Config}/{tfm}

    public static string Root { get; } = FindRoot();

    static string FindRoot()
    {
        for (var dir = binDir; dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MedSsl.Notebooks.sln"))) return dir.FullName;
        throw new InvalidOperationException("no MedSsl.Notebooks.sln above " + binDir.FullName);
    }

    static string Output(string project, string file) =>
        Path.Combine(Root, "src", project, "bin", binDir.Parent!.Name, binDir.Name, file);

    public static string KernelDll => Output("MedSsl.Kernel", "MedSsl.Kernel.dll");

    public static string CliDll => Output("MedSsl.Cli", "MedSsl.Cli.dll");

    public static string Dotnet => Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";

    /// <summary>Runs a program to completion; returns its exit code and what it printed.</summary>
    public static (int Code, string Out, string Err) Run(string file, IEnumerable<string> args, string? workingDirectory = null,
                                                          IDictionary<string, string>? env = null, int timeoutSeconds = 120)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Root,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (k, v) in env ?? new Dictionary<string, string>()) start.Environment[k] = v;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeoutSeconds * 1000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in {timeoutSeconds} s:\n{stdout.Result}\n{stderr.Result}");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}

/// <summary>A temporary folder, deleted after the test.</summary>
internal sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("medssl-kernel-tests-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
