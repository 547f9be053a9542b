using System.Diagnostics;

namespace MedSsl.Tests;

/// <summary>Headless Debian Chromium, offline and with a throw-away profile, for figure rendering tests.</summary>
public static class Chromium
{
    public static readonly string? Executable =
        new[] { "chromium", "chromium-browser", "google-chrome" }
            .SelectMany(name => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, name)))
            .FirstOrDefault(File.Exists);

    public const string Missing = "chromium is not installed (./medssl setup installs Debian's chromium): the browser rendering test is skipped.";

    /// <summary>Runs chromium with the given mode arguments on a local page; returns stdout.</summary>
    public static string Run(string page, params string[] mode)
    {
        var profile = Directory.CreateTempSubdirectory("medssl-chromium-");
        try
        {
            var psi = new ProcessStartInfo(Executable!) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                                      "--disable-background-networking", "--disable-component-update", "--disable-sync",
                                      "--hide-scrollbars", $"--user-data-dir={profile.FullName}" }.Concat(mode))
                psi.ArgumentList.Add(a);
            psi.ArgumentList.Add(new Uri(Path.GetFullPath(page)).AbsoluteUri);
            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(60_000))
            {
                p.Kill(entireProcessTree: true);
                throw new TimeoutException($"chromium did not finish within 60 s on {page}.");
            }
            Assert.True(p.ExitCode == 0, $"chromium exited with {p.ExitCode}: {stderr.Result}");
            return stdout.Result;
        }
        finally { profile.Delete(recursive: true); }
    }
}

/// <summary>A fact that is skipped, saying why, when chromium is absent.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Executable is null) Skip = Chromium.Missing;
    }
}
