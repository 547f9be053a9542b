using MedSsl.Torch;
using static MedSsl.Torch.torch;

namespace MedSsl.Cli;

/// <summary>The quickstart's data: the shipped DermaMNIST mini set, or a synthetic stand-in when it is absent.</summary>
internal static class QuickstartData
{
    public const int Classes = 7;
    const string MiniSet = "dermamnist-lesion/dermamnist_28_lesion_mini.npz";

    public static ((Tensor x, Tensor y) train, (Tensor x, Tensor y) test, string source) Load()
    {
        var root = SharedData.Root();
        var path = root is null ? null : Path.Combine(root, MiniSet);
        if (path is null || !File.Exists(path))
        {
            Console.WriteLine($"note: {MiniSet} not found under ../shared/data (or MEDSSL_DATA); using synthetic images instead.");
            return (Synthetic(480, 1), Synthetic(300, 2), "synthetic (class-coloured noise)");
        }
        var arrays = np.load_npz(path);
        return (Images(arrays, "train"), Images(arrays, "test"), $"DermaMNIST mini ({path})");
    }

    /// <summary>uint8 NHWC images → float NCHW in [0, 1], normalised per channel; labels (N,1) → int64 (N).</summary>
    static (Tensor x, Tensor y) Images(Dictionary<string, Tensor> arrays, string split)
    {
        using var scope = NewDisposeScope();
        var x = arrays[$"{split}_images"].permute(0, 3, 1, 2).@float().div(255);
        var mean = x.mean(new long[] { 0, 2, 3 }, keepdim: true);
        var std = x.std(new long[] { 0, 2, 3 }, keepdim: true);
        var y = arrays[$"{split}_labels"].reshape(-1).@long();
        return (((x - mean) / std).contiguous().MoveToOuterDisposeScope(), y.MoveToOuterDisposeScope());
    }

    static (Tensor x, Tensor y) Synthetic(int n, int seed)
    {
        using var scope = NewDisposeScope();
        using var g = new Generator((ulong)seed);
        var y = randint(0, Classes, new long[] { n }, generator: g);
        var shift = y.@float().div(Classes).view(n, 1, 1, 1);
        var x = randn(new long[] { n, 3, 28, 28 }, generator: g) * 0.5 + shift;
        return (x.MoveToOuterDisposeScope(), y.MoveToOuterDisposeScope());
    }
}

/// <summary>Finds ../shared/data beside the checkout (or MEDSSL_DATA).</summary>
internal static class SharedData
{
    public static string? Root()
    {
        var env = Environment.GetEnvironmentVariable("MEDSSL_DATA");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return env;
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "data");
                if (Directory.Exists(candidate)) return candidate;
            }
        return null;
    }
}
