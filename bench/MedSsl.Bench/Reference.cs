using System.Diagnostics;
using System.Text.Json;

namespace MedSsl.Bench;

/// <summary>Runs a PyTorch reference script with Debian's interpreter and reads its last JSON line.</summary>
internal static class Reference
{
    const string Python = "/usr/bin/python3";

    public static JsonElement Run(string script, string arguments)
    {
        var path = Path.Combine(BenchRoot(), script);
        if (!File.Exists(Python))
            throw new InvalidOperationException($"{Python} is missing: install python3-torch (./medssl bench installs it).");
        var psi = new ProcessStartInfo(Python, $"\"{path}\" {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
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
    static string BenchRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MedSsl.Notebooks.sln")))
                return Path.Combine(dir.FullName, "bench");
        throw new DirectoryNotFoundException("bench/ not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>Tiny option parser for "--key value" pairs with defaults.</summary>
internal sealed class Options(string[] args)
{
    public int Int(string key, int fallback)
    {
        var i = Array.IndexOf(args, "--" + key);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1]) : fallback;
    }
}
