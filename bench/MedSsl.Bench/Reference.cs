using System.Diagnostics;
using System.Text.Json;

namespace MedSsl.Bench;

/// <summary>Runs a PyTorch reference script with Debian's interpreter and reads its last JSON line.</summary>
internal static class Reference
{
    const string Python = "/usr/bin/python3";

    /// <param name="environment">Variables to set for the script (e.g. glibc's MALLOC_* tunables).</param>
    public static JsonElement Run(string script, string arguments, IDictionary<string, string>? environment = null)
    {
        var path = Path.Combine(BenchRoot(), script);
        if (!File.Exists(Python))
            throw new InvalidOperationException($"{Python} is missing: install python3-torch (./medssl bench installs it).");
        return RunProcess(Python, $"\"{path}\" {arguments}", script, environment);
    }

    /// <summary>Runs this bench assembly again in a child process (e.g. a hidden --worker mode), so what the
    /// child measures about itself (peak RSS, page faults) is its own and not the harness's.</summary>
    public static JsonElement RunSelf(string arguments)
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var dll = typeof(Reference).Assembly.Location;
        var viaDotnet = Path.GetFileNameWithoutExtension(host) == "dotnet";
        return RunProcess(host, viaDotnet ? $"\"{dll}\" {arguments}" : arguments, Path.GetFileName(dll) + " " + arguments);
    }

    static JsonElement RunProcess(string file, string arguments, string script, IDictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) psi.Environment[key] = value;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEnd();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        var last = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        if (p.ExitCode != 0 || last is null)
            throw new InvalidOperationException($"{script} failed (exit {p.ExitCode}): {stderr.Trim()}");
        return JsonDocument.Parse(last).RootElement;
    }

    /// <summary>The bench/ folder of the checkout.</summary>
    static string BenchRoot() =>
        MedSsl.Data.DataPaths.RepositoryRoot() is { } root
            ? Path.Combine(root, "bench")
            : throw new DirectoryNotFoundException("bench/ not found above " + AppContext.BaseDirectory);
}

/// <summary>Tiny option parser for "--key value" pairs with defaults.</summary>
internal sealed class Options(string[] args)
{
    public int Int(string key, int fallback)
    {
        var i = Array.IndexOf(args, "--" + key);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1]) : fallback;
    }

    public double Double(string key, double fallback)
    {
        var i = Array.IndexOf(args, "--" + key);
        return i >= 0 && i + 1 < args.Length ? double.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    }

    public bool Flag(string key) => Array.IndexOf(args, "--" + key) >= 0;
}
