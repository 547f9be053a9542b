using System.Text.Json.Nodes;
using MedSsl.Torch.Optim;
using static MedSsl.Torch.torch.optim;

namespace MedSsl.Torch.Tests;

/// <summary>The schedulers' lr, step by step, against tables from PyTorch 1.13 (two groups, lr 0.1 and 0.05).</summary>
public class OptimLRSchedulerTests
{
    public static IEnumerable<object[]> Cases => OptimGoldens.Names("schedulers");

    static LRScheduler Make(string name, Optimizer o) => name switch
    {
        "step" => lr_scheduler.StepLR(o, step_size: 3, gamma: 0.5),
        "multistep" => lr_scheduler.MultiStepLR(o, new[] { 2, 5, 5, 9 }, gamma: 0.1),
        "linear" => lr_scheduler.LinearLR(o, start_factor: 0.1, end_factor: 1.0, total_iters: 4),
        "cosine" => lr_scheduler.CosineAnnealingLR(o, T_max: 10, eta_min: 0.001),
        "lambda" => lr_scheduler.LambdaLR(o, e => Math.Pow(0.95, e)),
        "warmup_cosine" => lr_scheduler.SequentialLR(o,
            new LRScheduler[] { lr_scheduler.LinearLR(o, start_factor: 0.01, total_iters: 5),
                                lr_scheduler.CosineAnnealingLR(o, T_max: 15, eta_min: 1e-4) }, new[] { 5 }),
        _ => throw new ArgumentException(name),
    };

    static (Optimizer, Parameter[]) TwoGroups()
    {
        var ps = new[] { OptimGoldens.MakeParam(new double[1], new long[] { 1 }), OptimGoldens.MakeParam(new double[1], new long[] { 1 }) };
        return (SGD(new[] { new ParamGroup(new[] { ps[0] }), new ParamGroup(new[] { ps[1] }, lr: 0.05) }, lr: 0.1), ps);
    }

    static double[][] Table(string name) =>
        OptimGoldens.Case("schedulers", name).GetProperty("lrs").EnumerateArray().Select(r => OptimGoldens.Values(r)!).ToArray();

    static void AssertLrs(double[] want, LRScheduler s, Optimizer o, string where)
    {
        for (var i = 0; i < want.Length; i++)
        {
            Assert.True(Math.Abs(want[i] - s.get_last_lr()[i]) <= 1e-15 * Math.Max(1, Math.Abs(want[i])),
                        $"{where}, group {i}: {s.get_last_lr()[i]:R} instead of {want[i]:R}");
            Assert.Equal(s.get_last_lr()[i], o.param_groups[i].lr);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Lr_matches_pytorch_step_by_step(string name)
    {
        var table = Table(name);
        var (opt, ps) = TwoGroups();
        try
        {
            var s = Make(name, opt);
            AssertLrs(table[0], s, opt, $"{name} at construction");
            for (var step = 1; step < table.Length; step++)
            {
                opt.step();
                s.step();
                AssertLrs(table[step], s, opt, $"{name} after step {step}");
            }
        }
        finally { opt.Dispose(); OptimGoldens.DisposeAll(ps); }
    }

    [Theory]
    [InlineData("warmup_cosine", 3)]
    [InlineData("warmup_cosine", 7)]
    [InlineData("cosine", 12)]
    [InlineData("multistep", 5)]
    public void Resuming_from_state_dicts_continues_the_schedule(string name, int stopAt)
    {
        var table = Table(name);
        var (opt, ps) = TwoGroups();
        var (fresh, ps2) = TwoGroups();
        try
        {
            var s = Make(name, opt);
            for (var step = 1; step <= stopAt; step++) { opt.step(); s.step(); }
            using var optState = opt.state_dict();
            var schedState = (JsonObject)JsonNode.Parse(s.state_dict().ToJsonString())!;

            var resumed = Make(name, fresh);
            fresh.load_state_dict(optState);
            resumed.load_state_dict(schedState);
            AssertLrs(table[stopAt], resumed, fresh, $"{name} resumed at {stopAt}");
            for (var step = stopAt + 1; step < table.Length; step++)
            {
                fresh.step();
                resumed.step();
                AssertLrs(table[step], resumed, fresh, $"{name} resumed, step {step}");
            }
        }
        finally { opt.Dispose(); fresh.Dispose(); OptimGoldens.DisposeAll(ps.Concat(ps2)); }
    }

    [Fact]
    public void Closed_form_jump_and_resume_checks()
    {
        var (opt, ps) = TwoGroups();
        try
        {
            var cosine = lr_scheduler.CosineAnnealingLR(opt, T_max: 10, eta_min: 0.001);
            Assert.Equal(0.1, opt.param_groups[0].initial_lr);
            cosine.step(epoch: 5);
            Assert.Equal(0.001 + (0.1 - 0.001) * (1 + Math.Cos(Math.PI * 5 / 10)) / 2, cosine.get_last_lr()[0], 1e-15);

            var (other, ps2) = TwoGroups();
            using (other)
            {
                var ex = Assert.Throws<ArgumentException>(() => lr_scheduler.StepLR(other, 3, last_epoch: 4));
                Assert.Contains("initial_lr", ex.Message);
                Assert.Throws<ArgumentException>(() => lr_scheduler.SequentialLR(opt, new LRScheduler[] { cosine }, new[] { 3 }));
                Assert.Throws<ArgumentException>(() => lr_scheduler.LambdaLR(opt, new Func<int, double>[] { e => 1 }));
            }
            OptimGoldens.DisposeAll(ps2);
        }
        finally { opt.Dispose(); OptimGoldens.DisposeAll(ps); }
    }
}
