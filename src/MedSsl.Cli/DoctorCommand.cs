using System.CommandLine;
using System.Runtime.InteropServices;
using MedSsl.Torch;

namespace MedSsl.Cli;

/// <summary>`medssl doctor`: the facts a user needs to debug a setup.</summary>
internal static class DoctorCommand
{
    public static Command Create()
    {
        var cmd = new Command("doctor", "Print the engine's set-up: libtorch, CUDA, threads, BLAS, .NET, native library.");
        cmd.SetAction(_ => Run());
        return cmd;
    }

    static int Run()
    {
        // A small matmul and conv make libtorch load its BLAS and oneDNN, so /proc/self/maps shows them.
        using (var scope = torch.NewDisposeScope())
        {
            var a = torch.randn(64, 64);
            _ = a.mm(a).sum().item<float>();
        }
        var maps = LoadedLibraries();
        Row("libtorch", $"{torch.__version__}  ({Find(maps, "libtorch_cpu") ?? Find(maps, "libtorch") ?? "?"})");
        Row("native shim", torch.backends.native_library);
        Row("CUDA", torch.cuda.is_available() ? $"available, {torch.cuda.device_count()} device(s)" : "not available (CPU build or no GPU)");
        Row("threads", $"{torch.get_num_threads()} of {Environment.ProcessorCount} cores (set MEDSSL_NUM_THREADS to change)");
        var blas = Find(maps, "openblas") ?? Find(maps, "libblas") ?? Find(maps, "mkl");
        Row("BLAS", blas is null ? "none loaded?" : blas.Contains("openblas") ? $"OpenBLAS  ({blas})"
            : $"{blas}  -- reference BLAS is ~40x slower: install libopenblas0-pthread");
        Row("oneDNN", Find(maps, "libdnnl") ?? "not loaded");
        Row(".NET", $"{RuntimeInformation.FrameworkDescription} on {RuntimeInformation.OSDescription}");
        Row("shared data", MedSsl.Data.DataPaths.SharedData() ?? "not found (../shared/data): demos fall back to synthetic data");
        return 0;
    }

    static void Row(string key, string value) => Console.WriteLine($"{key,-12} {value}");

    static string[] LoadedLibraries() =>
        File.Exists("/proc/self/maps")
            ? File.ReadAllLines("/proc/self/maps").Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Where(p => p.Length >= 6 && p[5].StartsWith('/')).Select(p => p[5]).Distinct().ToArray()
            : Array.Empty<string>();

    static string? Find(string[] libs, string name) =>
        libs.FirstOrDefault(l => Path.GetFileName(l).Contains(name, StringComparison.OrdinalIgnoreCase));
}
