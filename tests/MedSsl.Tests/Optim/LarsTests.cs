using MedSsl.Optim;
using Xunit.Abstractions;

namespace MedSsl.Tests.Optim;

/// <summary>Against Golden/ssl/lars.npz: SimCLR's lars_optimizer.py written in NumPy float64 (three steps,
/// a 2-D weight, an excluded 1-D bias, and an all-zero weight whose norms are 0).</summary>
public sealed class LarsTests(ITestOutputHelper log)
{
    static readonly string[] Names = { "w", "b", "z" };

    [Fact]
    public void Three_steps_equal_the_numpy_reference()
    {
        using var scope = NewDisposeScope();
        var g = Goldens.Load("lars");
        var hyper = g["hyper"].data<double>();
        var lrs = g["lrs"].data<double>();
        var ps = Names.ToDictionary(n => n, n => new Parameter(g["init_" + n]));
        using var opt = new Lars(ps.Values, lr: lrs[0], momentum: hyper[0], weight_decay: hyper[1], eta: hyper[2]);
        Assert.True(opt.is_excluded(ps["b"]));
        Assert.False(opt.is_excluded(ps["w"]));
        var worst = 0.0;
        for (var t = 0; t < lrs.Length; t++)
        {
            opt.param_groups[0].lr = lrs[t];
            foreach (var n in Names) ps[n].grad = g[$"grad{t}_{n}"];
            opt.step();
            foreach (var n in Names)
                worst = Math.Max(worst, Goldens.AssertClose(g[$"step{t}_{n}"], ps[n], atol: 1e-12, rtol: 1e-12, what: $"step {t} {n}"));
        }
        log.WriteLine($"parity LARS (float64, 3 steps): max |diff| {worst:G3}");
        Assert.Equal(new[] { "momentum_buffer" }, opt.state_of(ps["w"]).Keys);
        Assert.Contains("state.0.momentum_buffer", opt.state_dict().tensors.Keys);
    }

    [Fact]
    public void Trust_ratio_scales_a_step_to_eta_times_the_weight_norm()
    {
        // One step from v = 0 without weight decay: Δw = lr·η·‖w‖/‖g‖·g, so ‖Δw‖ = lr·η·‖w‖ whatever ‖g‖ is.
        using var scope = NewDisposeScope();
        var w = new Parameter(randn(new long[] { 5, 5 }, dtype: float64));
        var before = w.detach().clone();
        using var opt = new Lars(new[] { w }, lr: 2.0, weight_decay: 0, eta: 0.01);
        w.grad = randn(new long[] { 5, 5 }, dtype: float64) * 1000;
        opt.step();
        var step = (w.detach() - before).norm().item<double>();
        Assert.Equal(2.0 * 0.01 * before.norm().item<double>(), step, 12);
    }

    [Fact]
    public void Named_parameters_can_exclude_by_name_and_params_without_grad_stay()
    {
        using var scope = NewDisposeScope();
        var head = new Parameter(ones(new long[] { 2, 2 }, dtype: float64));
        var frozen = new Parameter(ones(new long[] { 2, 2 }, dtype: float64));
        using var opt = new Lars(new[] { ("head_supervised.weight", head), ("layer1.weight", frozen) }, lr: 0.1, weight_decay: 0.5,
                                 exclude: (name, _) => name.StartsWith("head_supervised"));
        Assert.True(opt.is_excluded(head));
        Assert.False(opt.is_excluded(frozen));
        head.grad = full(new long[] { 2, 2 }, 1.0, dtype: float64);
        opt.step();
        // Excluded: plain momentum SGD with the lr inside v, no weight decay, no trust ratio.
        Assert.True(head.detach().allclose(full(new long[] { 2, 2 }, 0.9, dtype: float64)));
        Assert.True(frozen.detach().equal(ones(new long[] { 2, 2 }, dtype: float64)));
        Assert.Throws<ArgumentException>(() => new Lars(new[] { head }, lr: 0.1, eta: 0));
    }
}
