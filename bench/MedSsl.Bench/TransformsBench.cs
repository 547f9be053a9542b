using System.Diagnostics;
using MedSsl.Torch;
using MedSsl.Transforms;
using static MedSsl.Torch.torch;

namespace MedSsl.Bench;

/// <summary>
/// `./medssl bench transforms`: the Dermatology (SimCLR) preset on a uint8 batch, batched on the batch's device,
/// against torchvision applying the same recipe image by image (bench/transforms/transforms_pytorch.py).
/// Also splits the kit's time by step, and times the alternative crop (one F.interpolate per sample) that the
/// two batched matrix products replace. On a shared machine, compare with --threads 1 as well: two intra-op
/// threads wait on each other whenever the scheduler parks one.
/// </summary>
internal static class TransformsBench
{
    public static int Run(string[] args)
    {
        var o = new Options(args);
        int batch = o.Int("batch", 256), source = o.Int("source", 32), size = o.Int("size", 32);
        int warmup = o.Int("warmup", 2), steps = o.Int("steps", 10);
        int threads = o.Int("threads", get_num_threads());
        set_num_threads(threads);
        Console.WriteLine($"transforms bench: Dermatology preset, batch {batch} x 3 x {source}x{source} uint8 -> {size}x{size}, " +
                          $"{threads} threads, median of {steps}");
        using var x = randint(0, 256, new long[] { batch, 3, source, source }, ScalarType.Byte);
        var g = new Generator(0);

        var preset = Presets.Dermatology(size);
        double kitMs = Median(preset, x, g, warmup, steps);
        Console.WriteLine($"  kit Dermatology preset       {kitMs,9:F2} ms/batch");

        // Step by step on float input of the output size (the crop's input is the source size).
        using var xf = new ToFloat().Apply(x, g);
        using var cropped = new RandomResizedCrop(size).Apply(xf, g);
        var parts = new (string name, ITransform t, Tensor input)[]
        {
            ("ToFloat", new ToFloat(), x),
            ("RandomResizedCrop (bicubic)", new RandomResizedCrop(size), xf),
            ("RandomHorizontalFlip", new RandomHorizontalFlip(), cropped),
            ("ColorJitter s=1 (all samples)", ColorJitter.SimClr(1.0), cropped),
            ("RandomGrayscale", new RandomGrayscale(0.2), cropped),
            ("GaussianBlur (all samples)", new GaussianBlur(p: 1), cropped),
        };
        foreach (var (name, t, input) in parts)
            Console.WriteLine($"    {name,-29} {Median(t, input, g, warmup, steps),9:F2} ms");
        Console.WriteLine($"    crop via F.interpolate per sample {PerSampleInterpolateCropMs(xf, size, g, warmup, steps),6:F2} ms (the alternative)");

        var py = Reference.Run("transforms/transforms_pytorch.py",
            $"--threads {threads} --batch {batch} --source {source} --size {size} --warmup 1 --steps 3");
        double refMs = py.GetProperty("batch_ms").GetDouble();
        Console.WriteLine($"  torchvision, image by image  {refMs,9:F2} ms/batch");
        Console.WriteLine($"ratio kit/pytorch = {refMs / kitMs:F2}");
        return 0;
    }

    static double Median(ITransform t, Tensor x, Generator g, int warmup, int steps)
    {
        var times = new List<double>();
        for (var i = 0; i < warmup + steps; i++)
        {
            var clock = Stopwatch.StartNew();
            t.Apply(x, g).Dispose();
            if (i >= warmup) times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return times.OrderBy(v => v).ElementAt(times.Count / 2);
    }

    // The crop as most per-image pipelines do it: cut each box out, then one bicubic interpolate per sample.
    static double PerSampleInterpolateCropMs(Tensor x, int size, Generator g, int warmup, int steps)
    {
        var times = new List<double>();
        for (var i = 0; i < warmup + steps; i++)
        {
            var clock = Stopwatch.StartNew();
            using (var scope = NewDisposeScope())
            {
                var boxes = RandomResizedCrop.SampleBoxes(g, x.size(0), x.size(2), x.size(3), (0.08, 1.0), (3.0 / 4, 4.0 / 3))
                    .data<long>();
                var crops = new Tensor[x.size(0)];
                for (var b = 0; b < crops.Length; b++)
                {
                    var box = x.narrow(0, b, 1).narrow(2, boxes[4 * b], boxes[4 * b + 2]).narrow(3, boxes[4 * b + 1], boxes[4 * b + 3]);
                    crops[b] = nn.functional.interpolate(box, size: (size, size), mode: "bicubic").clamp_(0, 1);
                }
                cat(crops, 0);
            }
            if (i >= warmup) times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return times.OrderBy(v => v).ElementAt(times.Count / 2);
    }
}
