using System.Runtime.CompilerServices;

namespace MedSsl.Torch.Tests;

/// <summary>Runs alone: Tensor.LiveCount is process-wide, so parallel tests would move it.</summary>
[CollectionDefinition(nameof(LiveCountCollection), DisableParallelization = true)]
public class LiveCountCollection { }

[Collection(nameof(LiveCountCollection))]
public class MemoryOpsTests
{
    /// <summary>Finalises whatever garbage earlier tests left, so LiveCount only moves with this test.</summary>
    static long SettledLiveCount()
    {
        for (int i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        return Tensor.LiveCount;
    }

    [Fact]
    public void Thousand_step_training_loop_keeps_live_tensors_flat()
    {
        Assert.Null(DisposeScope.Current);
        using var g = new Generator(5);
        using var x = torch.randn(new long[] { 64, 3 }, ScalarType.Float64, generator: g);
        using var wTrue = torch.tensor(new double[] { 2, -1, 0.5 }, 3, 1);
        using var y = x.matmul(wTrue).add(0.3);
        using var w = torch.zeros(new long[] { 3, 1 }, ScalarType.Float64).requires_grad_();
        using var b = torch.zeros(new long[] { 1 }, ScalarType.Float64).requires_grad_();
        const double lr = 0.05;
        var baseline = SettledLiveCount();
        double first = double.NaN, last = double.NaN;
        for (int step = 0; step < 1000; step++)
        {
            using (var scope = torch.NewDisposeScope())
            {
                var loss = (x.matmul(w) + b - y).pow(2).mean();
                loss.backward();
                using (torch.no_grad())
                {
                    w.sub_(w.grad! * lr);
                    b.sub_(b.grad! * lr);
                }
                w.zero_grad();
                b.zero_grad();
                last = loss.item<double>();
                if (step == 0) first = last;
            }
            Assert.Equal(baseline, Tensor.LiveCount);
        }
        Assert.True(last < first * 1e-6, $"loss went from {first} to {last}");
        Assert.Equal(new[] { 2, -1, 0.5 }, w.data<double>().Select(v => Math.Round(v, 3)));
        Assert.Equal(0.3, b.item<double>(), 3);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static double MakeGarbage(int n)
    {
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            var t = torch.ones(8, 8);
            var u = (t * 2 + 1)[1..3].sum();
            total += u.item<float>(); // t, the temporaries and u are never disposed
        }
        return total;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static Tensor ViewOfGarbage()
    {
        var @base = torch.arange(10).to(ScalarType.Float64);
        return @base[2..5]; // the base handle becomes garbage; the view keeps the storage
    }

    [Fact]
    public void Tensors_left_to_the_garbage_collector_are_freed_without_crashing()
    {
        Assert.Null(DisposeScope.Current);
        var baseline = SettledLiveCount();
        Assert.Equal(5000 * 48.0, MakeGarbage(5000));
        var view = ViewOfGarbage();
        Assert.Equal(baseline + 1, SettledLiveCount());
        Assert.Equal(new double[] { 2, 3, 4 }, view.data<double>());
        view.Dispose();
        Assert.Equal(baseline, Tensor.LiveCount);
    }
}
