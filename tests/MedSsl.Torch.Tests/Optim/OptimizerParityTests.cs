using MedSsl.Torch.Optim;

namespace MedSsl.Torch.Tests;

/// <summary>SGD, Adam and AdamW against PyTorch 1.13: the same start, the same gradients (one of them
/// missing at step 3), five steps, every intermediate parameter compared.</summary>
public class OptimizerParityTests
{
    public static IEnumerable<object[]> Cases => OptimGoldens.Names("optimizers");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Steps_match_pytorch(string name)
    {
        var c = OptimGoldens.Case("optimizers", name);
        var ps = OptimGoldens.InitialParams();
        using var opt = OptimGoldens.MakeOptimizer(c, ps);
        try
        {
            for (var step = 0; step < OptimGoldens.StepCount; step++)
            {
                OptimGoldens.SetGrads(ps, step);
                opt.step();
                for (var i = 0; i < ps.Length; i++)
                {
                    var want = OptimGoldens.Values(c.GetProperty("steps")[step][i])!;
                    var diff = OptimGoldens.MaxAbsDiff(want, ps[i].data<double>());
                    Assert.True(diff <= 1e-6, $"{name}: parameter {i} after step {step + 1} is off by {diff:E3}");
                }
            }
        }
        finally { OptimGoldens.DisposeAll(ps); }
    }

    [Fact]
    public void Missing_gradient_leaves_parameter_and_its_state_alone()
    {
        var ps = OptimGoldens.InitialParams();
        using var opt = new Adam(ps, lr: 0.01);
        try
        {
            OptimGoldens.SetGrads(ps, 0);
            ps[1].grad = null;
            var before = ps[1].data<double>();
            opt.step();
            Assert.Equal(before, ps[1].data<double>());
            Assert.Empty(opt.state_of(ps[1]));
            var state = opt.state_of(ps[0]);
            Assert.Equal(new[] { "exp_avg", "exp_avg_sq", "step" }, state.Keys.Order());
            Assert.Equal(1.0, state["step"].item<double>());
            Assert.Equal(ScalarType.Float32, state["step"].dtype);
        }
        finally { OptimGoldens.DisposeAll(ps); }
    }

    [Fact]
    public void Float32_parameters_step_like_float64_ones()
    {
        // The same math in single precision: close to the float64 golden, state kept in float32.
        var c = OptimGoldens.Case("optimizers", "adamw_amsgrad");
        var ps = OptimGoldens.InitialParams();
        var ps32 = ps.Select(p => { using var f = p.to(ScalarType.Float32); return new Parameter(f); }).ToArray();
        using var opt = OptimGoldens.MakeOptimizer(c, ps32);
        try
        {
            for (var step = 0; step < OptimGoldens.StepCount; step++)
            {
                OptimGoldens.SetGrads(ps, step);
                for (var i = 0; i < ps.Length; i++)
                {
                    using var g = ps[i].grad;
                    using var g32 = g?.to(ScalarType.Float32);
                    ps32[i].grad = g32;
                }
                opt.step();
            }
            Assert.Equal(ScalarType.Float32, opt.state_of(ps32[0])["exp_avg"].dtype);
            var want = OptimGoldens.Values(c.GetProperty("steps")[OptimGoldens.StepCount - 1][0])!;
            var got = ps32[0].data<float>().Select(v => (double)v).ToArray();
            Assert.True(OptimGoldens.MaxAbsDiff(want, got) < 1e-5);
        }
        finally { OptimGoldens.DisposeAll(ps.Concat(ps32)); }
    }
}
