using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MedSsl.Heads;
using MedSsl.Losses;
using MedSsl.Models;
using MedSsl.Torch;
using static MedSsl.Torch.torch;

namespace MedSsl.Bench;

/// <summary>
/// `./medssl bench simclr`: one SimCLR training step — ResNet-18 with the small stem on 32×32 inputs, two views
/// of batch N through the encoder as one batch of 2N (SimCLR's code concatenates them), SimCLR v1's head,
/// NT-Xent (τ = 0.1), SGD with momentum — in the kit and in PyTorch eager (bench/simclr/simclr_pytorch.py) on
/// the same libtorch, threads and shapes. Augmentation is not timed. Each side runs in a process of its own
/// (the kit's via the hidden --worker flag) so peak RSS and page faults are the step's own; rounds alternate
/// which side goes first, and the median round is reported. Throughput is in pairs/s (1 pair = 2 images).
/// A third side reruns PyTorch with the kit's glibc malloc thresholds, to tell the allocator from the engine.
/// </summary>
internal static class SimClrBench
{
    // The kit's glibc thresholds (src/MedSsl.Torch/Torch/Runtime.cs), given to a second PyTorch run through
    // glibc's environment tunables: it separates the allocator's share of the ratio from the engine's.
    static readonly Dictionary<string, string> KitMalloc = new()
    {
        ["MALLOC_MMAP_THRESHOLD_"] = (512L << 20).ToString(), ["MALLOC_TRIM_THRESHOLD_"] = (1L << 30).ToString(),
    };

    public static int Run(string[] args)
    {
        var o = new Options(args);
        if (o.Flag("worker")) return Worker(o);
        int batch = o.Int("batch", 256), size = o.Int("size", 32), warmup = o.Int("warmup", 1);
        int steps = o.Int("steps", 2), rounds = o.Int("rounds", 3);
        bool tuned = o.Int("tuned-reference", 1) != 0;
        double width = o.Double("width", 1);
        int threads = get_num_threads();
        var shape = $"--batch {batch} --width {width.ToString(CultureInfo.InvariantCulture)} --size {size} " +
                    $"--warmup {warmup} --steps {steps}";
        Console.WriteLine($"simclr bench: ResNet-18 (width {width}, small stem) + SimCLR v1 head + NT-Xent + SGD, " +
                          $"batch {batch} pairs ({2 * batch} images), {size}x{size}, {threads} threads, " +
                          $"{warmup} warm-up + {steps} timed steps x {rounds} rounds");
        Console.WriteLine("pytorch+malloc: the same script with the kit's glibc thresholds (MALLOC_MMAP_THRESHOLD_, " +
                          "MALLOC_TRIM_THRESHOLD_)" + (tuned ? "" : ": skipped (--tuned-reference 0)"));

        var sides = new List<(string name, Func<JsonElement> run)>
        {
            ("kit", () => Reference.RunSelf($"simclr --worker {shape}")),
            ("pytorch", () => Reference.Run("simclr/simclr_pytorch.py", $"--threads {threads} {shape}")),
        };
        if (tuned)
            sides.Add(("pytorch+malloc", () => Reference.Run("simclr/simclr_pytorch.py", $"--threads {threads} {shape}", KitMalloc)));
        var results = sides.ToDictionary(x => x.name, _ => new List<JsonElement>());
        for (int r = 0; r < rounds; r++)
        {
            // Rotate who goes first, so a burst of load on the shared machine does not always hit the same side.
            for (int i = 0; i < sides.Count; i++)
            {
                var (name, run) = sides[(i + r) % sides.Count];
                results[name].Add(run());
            }
            Console.WriteLine($"  round {r + 1}: " + string.Join("   ", sides.Select(x => $"{x.name} {Rate(results[x.name][^1]):F2}")) + " pairs/s");
        }
        var median = sides.Select(x => MedianRound(results[x.name])).ToArray();
        Console.WriteLine($"{"(median round)",-28}" + string.Join("", sides.Select(x => $"{x.name,16}")));
        Row("pairs/s", median, Rate, "F2");
        Row("images/s (2 views per pair)", median, e => 2 * Rate(e), "F2");
        Row("forward + loss  s/step", median, e => e.GetProperty("forward_s").GetDouble(), "F2");
        Row("backward        s/step", median, e => e.GetProperty("backward_s").GetDouble(), "F2");
        Row("optimizer step  s/step", median, e => e.GetProperty("step_s").GetDouble(), "F3");
        Row("peak RSS MiB", median, e => e.GetProperty("peak_rss_mib").GetDouble(), "F0");
        Row("minor page faults/step", median, e => e.GetProperty("minflt_per_step").GetDouble(), "F0");
        Row("loss (last step)", median, e => e.GetProperty("loss").GetDouble(), "F3");
        Row("input sum (same inputs?)", median, e => e.GetProperty("input_sum").GetDouble(), "F3");
        if (tuned) Console.WriteLine($"ratio kit/pytorch+malloc = {Rate(median[0]) / Rate(median[2]):F2}");
        Console.WriteLine($"ratio kit/pytorch = {Rate(median[0]) / Rate(median[1]):F2}");
        return 0;
    }

    static double Rate(JsonElement e) => e.GetProperty("pairs_per_s").GetDouble();

    /// <summary>The round with the median rate (the upper middle one for an even count: prefer odd --rounds), whole, so its
    /// phases and memory figures belong together.</summary>
    static JsonElement MedianRound(List<JsonElement> rounds) => rounds.OrderBy(Rate).ElementAt(rounds.Count / 2);

    static void Row(string name, JsonElement[] sides, Func<JsonElement, double> value, string format) =>
        Console.WriteLine($"{name,-28}" + string.Join("", sides.Select(e => $"{value(e).ToString(format, CultureInfo.InvariantCulture),16}")));

    /// <summary>The kit's side, in its own process: prints one JSON line shaped like the Python script's.</summary>
    static int Worker(Options o)
    {
        int batch = o.Int("batch", 256), size = o.Int("size", 32), warmup = o.Int("warmup", 1), steps = o.Int("steps", 2);
        manual_seed(0);  // inputs first, so both sides draw the same ones from libtorch's CPU generator
        using var x0 = randn(batch, 3, size, size);
        using var x1 = randn(batch, 3, size, size);
        using var encoder = Encoders.resnet18(new ResNetOptions { stem = Stem.Small, width = o.Double("width", 1), num_classes = 0 });
        using var head = ProjectionHead.SimClrV1(encoder.num_features);
        using var criterion = new NTXentLoss(temperature: 0.1);
        using var opt = optim.SGD(encoder.parameters().Concat(head.parameters()), lr: 0.1, momentum: 0.9, weight_decay: 1e-6);
        double forward = 0, backward = 0, step = 0, loss = 0;
        long faults0 = 0;
        var total = new Stopwatch();
        for (int i = 0; i < warmup + steps; i++)
        {
            if (i == warmup) { forward = backward = step = 0; faults0 = MinorFaults(); total.Start(); }
            var clock = Stopwatch.StartNew();
            using var scope = NewDisposeScope();
            opt.zero_grad();
            var z = head.call(encoder.call(cat(new[] { x0, x1 }, 0)));
            var l = criterion.call(z.narrow(0, 0, batch), z.narrow(0, batch, batch));
            var t1 = clock.Elapsed.TotalSeconds;
            l.backward();
            var t2 = clock.Elapsed.TotalSeconds;
            opt.step();
            var t3 = clock.Elapsed.TotalSeconds;
            forward += t1; backward += t2 - t1; step += t3 - t2;
            loss = l.item<float>();
        }
        total.Stop();
        double inputSum;
        using (NewDisposeScope()) inputSum = (x0.sum() + x1.sum()).item<float>();
        var result = new Dictionary<string, object>
        {
            ["pairs_per_s"] = batch * steps / total.Elapsed.TotalSeconds,
            ["forward_s"] = forward / steps, ["backward_s"] = backward / steps, ["step_s"] = step / steps,
            ["peak_rss_mib"] = PeakRssKiB() / 1024.0,
            ["minflt_per_step"] = (double)(MinorFaults() - faults0) / steps,
            ["loss"] = loss, ["input_sum"] = inputSum, ["threads"] = get_num_threads(),
        };
        Console.WriteLine(JsonSerializer.Serialize(result));
        return 0;
    }

    /// <summary>VmHWM, the peak resident set of this process, in KiB.</summary>
    static long PeakRssKiB()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:"));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
    }

    /// <summary>minflt, field 10 of /proc/self/stat (counted after the parenthesised command name).</summary>
    static long MinorFaults()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        return long.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[7]);
    }
}
