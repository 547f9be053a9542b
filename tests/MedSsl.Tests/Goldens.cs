using System.Diagnostics;

namespace MedSsl.Tests;

/// <summary>The committed goldens of Golden/make_ssl_goldens.py (Golden/ssl/*.npz) and assertions on them.</summary>
public static class Goldens
{
    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Golden", "ssl", file);

    /// <summary>The arrays of Golden/ssl/{name}.npz (new tensors in the caller's dispose scope).</summary>
    public static Dictionary<string, Tensor> Load(string name) => np.load_npz(PathOf(name + ".npz"));

    /// <summary>Same shape and |a − e| ≤ atol + rtol·|e| everywhere; returns the max |a − e|.</summary>
    public static double AssertClose(Tensor expected, Tensor actual, double atol, double rtol = 0, string what = "")
    {
        Assert.True(expected.shape.SequenceEqual(actual.shape),
            $"{what}: shape [{string.Join(", ", actual.shape)}], expected [{string.Join(", ", expected.shape)}]");
        using var e = expected.detach().to(float64).cpu();
        using var a = actual.detach().to(float64).cpu();
        var ev = e.data<double>();
        var av = a.data<double>();
        var worst = 0.0;
        for (var i = 0; i < ev.Length; i++)
        {
            var d = Math.Abs(av[i] - ev[i]);
            worst = Math.Max(worst, d);
            Assert.True(d <= atol + rtol * Math.Abs(ev[i]), $"{what}: element {i} is {av[i]:R}, reference {ev[i]:R} (atol {atol}, rtol {rtol})");
        }
        return worst;
    }

    public static double Scalar(Tensor t) => t.to(float64).item<double>();
}

/// <summary>Debian's /usr/bin/python3 with torch and torchvision, when installed (./medssl test installs
/// python3-torch); tests that need it at run time are <see cref="PythonFactAttribute"/>s.</summary>
public static class PythonReference
{
    public const string Interpreter = "/usr/bin/python3";

    static readonly Lazy<bool> available = new(() =>
    {
        if (!File.Exists(Interpreter)) return false;
        try
        {
            Run("-c \"import torch, torchvision\"", 60);
            return true;
        }
        catch (Exception) { return false; }
    });

    public static bool Available => available.Value;

    /// <summary>Runs the interpreter; returns stderr on success, throws with it on failure.</summary>
    public static string Run(string arguments, int timeoutSeconds = 120)
    {
        var psi = new ProcessStartInfo(Interpreter, arguments) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(timeoutSeconds * 1000)) { p.Kill(); throw new TimeoutException($"python3 {arguments} took over {timeoutSeconds} s"); }
        if (p.ExitCode != 0) throw new InvalidOperationException($"python3 {arguments} failed ({p.ExitCode}): {stderr.Result}");
        return stderr.Result;
    }

    /// <summary>The fixture script, found beside the test assembly's Golden folder.</summary>
    public static string GoldenScript => Path.Combine(AppContext.BaseDirectory, "Golden", "make_ssl_goldens.py");
}

/// <summary>A fact that is skipped, with the reason, when Debian's python3-torch/torchvision is missing.</summary>
public sealed class PythonFactAttribute : FactAttribute
{
    public PythonFactAttribute()
    {
        if (!PythonReference.Available)
            Skip = $"needs {PythonReference.Interpreter} with torch and torchvision (Debian python3-torch, python3-torchvision; " +
                   "./medssl test installs them)";
    }
}
