using System.Diagnostics;
using MedSsl.Data;
using MedSsl.Data.Cache;
using MedSsl.Data.Images;
using MedSsl.Data.Loading;
using MedSsl.Torch;

namespace MedSsl.Bench;

/// <summary>
/// `./medssl bench loader`: decode + resize + batch throughput of the kit's loader against a PyTorch
/// DataLoader (torchvision.io and PIL pipelines) over the same JPEGs, sizes, batch and worker count:
/// Imagenette's 224x224 files, and 512x512 files generated once from them. The kit decodes a JPEG at a
/// DCT-reduced scale while 1.5x the output size remains (its default); PyTorch's stock pipelines decode at
/// full size.
/// </summary>
internal static class LoaderBench
{
    sealed record Case(string Key, string Label, string[] Files, int Size);

    // ResNet-18 (small stem) at 32 px trains at about this rate on the 2-core reference machine (engine notes).
    const double TrainingImagesPerSecond = 27;

    public static int Run(string[] args)
    {
        var o = new Options(args);
        int workers = o.Int("workers", Environment.ProcessorCount), batch = o.Int("batch", 64), rounds = o.Int("rounds", 3);
        var imagenette = ImagenetteFiles(DataRoot(), o.Int("images", 1600));
        var big = GeneratedJpegs(imagenette, o.Int("generated", 400));
        Case[] cases =
        {
            new("in224-64", "imagenette 224 -> 64", imagenette, 64),
            new("in224-224", "imagenette 224 -> 224", imagenette, 224),
            new("gen512-64", "generated 512 -> 64", big, 64),
            new("gen512-224", "generated 512 -> 224", big, 224),
        };
        Console.WriteLine($"loader bench: decode + resize + collate, uint8 RGB, batch {batch}, {workers} workers on both sides, " +
                          $"{imagenette.Length} Imagenette / {big.Length} generated JPEGs, median of {rounds} epochs");

        // Kit before and after the PyTorch run, so slow drift on a shared machine hits both sides alike.
        var kit = cases.ToDictionary(c => c.Key, c => KitRates(c, workers, batch, rounds));
        var lists = cases.ToDictionary(c => c.Key, c => WriteList(c.Files));
        var py = Reference.Run("loader/loader_pytorch.py", $"--workers {workers} --batch {batch} --rounds {rounds} " +
                               string.Join(" ", cases.Select(c => $"--case {c.Key}={lists[c.Key]}:{c.Size}")));
        foreach (var c in cases) kit[c.Key].AddRange(KitRates(c, workers, batch, rounds));
        foreach (var file in lists.Values) File.Delete(file);

        Console.WriteLine();
        Console.WriteLine($"{"case",-24}{"kit img/s",11}{"per core",10}{"tv.io img/s",13}{"PIL img/s",11}{"per core",10}{"kit/best",10}");
        var ratios = new List<double>();
        foreach (var c in cases)
        {
            double k = Median(kit[c.Key]);
            double tv = py.GetProperty("cases").GetProperty(c.Key).GetProperty("tv").GetDouble(), pil = py.GetProperty("cases").GetProperty(c.Key).GetProperty("pil").GetDouble();
            double best = Math.Max(tv, pil);
            ratios.Add(k / best);
            Console.WriteLine($"{c.Label,-24}{k,11:F0}{k / workers,10:F0}{tv,13:F0}{pil,11:F0}{best / workers,10:F0}{k / best,10:F2}");
        }
        double cached = CachedRate(imagenette, workers, batch, rounds);
        Console.WriteLine($"{"cache 64 (kit only)",-24}{cached,11:F0}{cached / workers,10:F0}   (pre-resized shards: no decode)");
        Console.WriteLine($"resize 224 -> 64, 1 thread: kit {ResizeMicroseconds(imagenette[0]),5:F0} us, torchvision " +
                          $"{py.GetProperty("resize_us").GetDouble(),5:F0} us (ATen _upsample_bilinear2d_aa on float)");
        double slowest = cases.Min(c => Median(kit[c.Key]));
        Console.WriteLine($"training needs ~{TrainingImagesPerSecond:F0} img/s (ResNet-18 small stem, 32 px, 2 cores): " +
                          $"the slowest kit case delivers {slowest / TrainingImagesPerSecond:F0}x that");
        Console.WriteLine($"ratio = geometric mean over the {cases.Length} cases of kit img/s / fastest PyTorch pipeline img/s");
        Console.WriteLine($"ratio kit/pytorch = {Math.Exp(ratios.Average(Math.Log)):F2}");
        return 0;
    }

    static List<double> KitRates(Case c, int workers, int batch, int rounds)
    {
        var source = new ImageFilesSource(c.Files, new NativeImageDecoder(ImageReadMode.RGB, (c.Size, c.Size)));
        return EpochRates(source, workers, batch, rounds);
    }

    static double CachedRate(string[] files, int workers, int batch, int rounds)
    {
        var root = Path.Combine(Path.GetTempPath(), "medssl-bench-loader-cache");
        var source = new ImageFilesSource(files, new NativeImageDecoder(ImageReadMode.RGB, (64, 64)));
        using var cache = ImageCache.OpenOrBuild(source, root, 64, 64, threads: workers, name: "imagenette");
        return Median(EpochRates(cache, workers, batch, rounds));
    }

    /// <summary>The native resampler alone on one decoded 224x224 image: best of 5 runs of 200.</summary>
    static double ResizeMicroseconds(string file)
    {
        using var image = torchvision.io.read_image(file, ImageReadMode.RGB);
        double best = double.MaxValue;
        for (int run = 0; run < 5; run++)
        {
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < 200; i++) torchvision.transforms.functional.resize(image, 64, 64).Dispose();
            best = Math.Min(best, clock.Elapsed.TotalMilliseconds * 1000 / 200);
        }
        return best;
    }

    /// <summary>Images per second of whole epochs (file order, as the PyTorch side) after one warm-up epoch.</summary>
    static List<double> EpochRates(IImageSource source, int workers, int batch, int rounds)
    {
        using var loader = new ImageLoader(source, new SupervisedSampler(source.Count, batch, shuffle: false),
                                           new LoaderOptions { Workers = workers });
        var rates = new List<double>();
        for (int epoch = 0; epoch <= rounds; epoch++)
        {
            var clock = Stopwatch.StartNew();
            long images = 0;
            foreach (var b in loader.Epoch(epoch)) images += b.Count;
            if (epoch > 0) rates.Add(images / clock.Elapsed.TotalSeconds);
        }
        return rates;
    }

    static double Median(List<double> xs)
    {
        var s = xs.OrderBy(x => x).ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }

    /// <summary>n Imagenette training JPEGs spread evenly over the (ordinally sorted) classes.</summary>
    static string[] ImagenetteFiles(string data, int n)
    {
        var all = Directory.GetFiles(Path.Combine(data, "imagenette2", "train"), "*.JPEG", SearchOption.AllDirectories)
            .OrderBy(f => f, StringComparer.Ordinal).ToArray();
        int step = Math.Max(1, all.Length / n);
        return all.Where((_, i) => i % step == 0).Take(n).ToArray();
    }

    /// <summary>512x512 JPEGs made once by the Python side (PIL bicubic upscale, quality 90) in a temp folder.</summary>
    static string[] GeneratedJpegs(string[] sources, int n)
    {
        var folder = Path.Combine(Path.GetTempPath(), "medssl-bench-loader-512");
        string[] Existing() => Directory.Exists(folder)
            ? Directory.GetFiles(folder, "gen_*.jpg").OrderBy(f => f, StringComparer.Ordinal).Take(n).ToArray()
            : Array.Empty<string>();
        if (Existing().Length < n)
        {
            var list = WriteList(sources);
            Reference.Run("loader/loader_pytorch.py", $"--make-jpegs {folder} --count {n} --size 512 --sources {list}");
            File.Delete(list);
        }
        return Existing();
    }

    static string WriteList(string[] files)
    {
        var path = Path.Combine(Path.GetTempPath(), $"medssl-bench-{Guid.NewGuid():N}.txt");
        File.WriteAllLines(path, files);
        return path;
    }

    static string DataRoot() =>
        MedSsl.Data.DataPaths.SharedData() is { } root && Directory.Exists(Path.Combine(root, "imagenette2"))
            ? root
            : throw new DirectoryNotFoundException("The shared data folder (with imagenette2) was not found: set MEDSSL_DATA.");
}
