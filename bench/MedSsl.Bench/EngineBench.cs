using System.Diagnostics;
using MedSsl.Models;
using MedSsl.Torch;
using MedSsl.Torch.Modules;
using MedSsl.Torch.Optim;
using static MedSsl.Torch.torch;
using static MedSsl.Torch.torch.nn;

namespace MedSsl.Bench;

/// <summary>
/// `./medssl bench engine`: one small-CNN training step (forward, backward, SGD with momentum) in the kit
/// and in PyTorch eager on the same libtorch, threads, batch and shapes; plus the cost of one tiny op.
/// Rounds alternate between the two so machine noise hits both; the median round is reported.
/// </summary>
internal static class EngineBench
{

    public static int Run(string[] args)
    {
        var o = new Options(args);
        int batch = o.Int("batch", 64), size = o.Int("size", 32), steps = o.Int("steps", 10);
        int warmup = o.Int("warmup", 3), rounds = o.Int("rounds", 3), tiny = o.Int("tiny-ops", 200_000);
        int threads = get_num_threads();
        Console.WriteLine($"engine bench: small CNN train step, batch {batch}, {size}x{size}, {threads} threads, " +
                          $"{steps} timed steps x {rounds} rounds");
        Console.WriteLine("allocator: " + (Environment.GetEnvironmentVariable("MEDSSL_MALLOC_TUNING") == "0"
            ? "glibc defaults (MEDSSL_MALLOC_TUNING=0)"
            : "glibc mmap/trim thresholds pinned by the kit (run with MEDSSL_MALLOC_TUNING=0 to compare without)"));

        var kit = new List<double>();
        var reference = new List<double>();
        double kitTiny = 0, refTiny = 0;
        for (int r = 0; r < rounds; r++)
        {
            kit.Add(TrainStepRate(batch, size, warmup, steps));
            var py = Reference.Run("engine/engine_pytorch.py",
                $"--threads {threads} --batch {batch} --size {size} --warmup {warmup} --steps {steps} --tiny-ops {tiny}");
            reference.Add(py.GetProperty("images_per_s").GetDouble());
            refTiny = py.GetProperty("tiny_op_us").GetDouble();
            kitTiny = TinyOpMicroseconds(tiny);
            Console.WriteLine($"  round {r + 1}: kit {kit[^1],8:F1} img/s   pytorch {reference[^1],8:F1} img/s");
        }
        double k = Median(kit), p = Median(reference);
        Console.WriteLine($"train step     kit {k,8:F1} img/s   pytorch {p,8:F1} img/s");
        Console.WriteLine($"tiny op (4x4 add)  kit {kitTiny,6:F2} us   pytorch {refTiny,6:F2} us");
        Console.WriteLine($"ratio kit/pytorch = {k / p:F2}");
        return 0;
    }

    static double TrainStepRate(int batch, int size, int warmup, int steps)
    {
        manual_seed(0);
        using var model = SmallCnn.Create();
        using var opt = optim.SGD(model.parameters(), lr: 0.1, momentum: 0.9, weight_decay: 5e-4);
        using var x = randn(batch, 3, size, size);
        using var y = randint(0, 10, new long[] { batch });
        var clock = new Stopwatch();
        for (int i = 0; i < warmup + steps; i++)
        {
            if (i == warmup) clock.Start();
            using var scope = NewDisposeScope();
            opt.zero_grad();
            var loss = functional.cross_entropy(model.call(x), y);
            loss.backward();
            opt.step();
        }
        return batch * steps / clock.Elapsed.TotalSeconds;
    }

    static double TinyOpMicroseconds(int n)
    {
        using var a = randn(4, 4);
        using var b = randn(4, 4);
        for (int i = 0; i < 1000; i++) a.add(b).Dispose();
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < n; i++) a.add(b).Dispose();
        return clock.Elapsed.TotalMilliseconds * 1000 / n;
    }

    internal static double Median(List<double> xs)
    {
        var s = xs.OrderBy(v => v).ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }
}
