using System.Text.Json.Nodes;
using MedSsl.Torch.Optim;

namespace MedSsl.Torch.Tests;

/// <summary>Resuming from state_dict(): identical parameters, JSON-able scalars, and clear errors
/// for a state dict that does not fit.</summary>
public class OptimizerStateDictTests
{
    [Theory]
    [InlineData("sgd_nesterov")]
    [InlineData("adam_l2_amsgrad")]
    [InlineData("adamw_amsgrad")]
    [InlineData("sgd_groups")]
    public void Resume_after_three_steps_matches_five_uninterrupted(string name)
    {
        var c = OptimGoldens.Case("optimizers", name);
        var ps = OptimGoldens.InitialParams();
        var resumed = Array.Empty<Parameter>();
        try
        {
            using var opt = OptimGoldens.MakeOptimizer(c, ps);
            for (var step = 0; step < 3; step++) { OptimGoldens.SetGrads(ps, step); opt.step(); }
            using var saved = opt.state_dict();
            var scalars = (JsonObject)JsonNode.Parse(saved.scalars.ToJsonString())!; // as if read back from disk

            // A fresh optimizer with other hyper-parameters: loading must restore PyTorch's.
            resumed = ps.Select(p => { using var copy = p.clone(); return new Parameter(copy); }).ToArray();
            using var fresh = OptimGoldens.MakeOptimizer(c, resumed);
            foreach (var g in fresh.param_groups) g.lr = 123;
            fresh.load_state_dict(new OptimizerStateDict(saved.tensors, scalars));
            Assert.Equal(opt.param_groups.Select(g => g.lr), fresh.param_groups.Select(g => g.lr));

            for (var step = 3; step < 5; step++)
            {
                OptimGoldens.SetGrads(ps, step);
                OptimGoldens.SetGrads(resumed, step);
                opt.step();
                fresh.step();
            }
            for (var i = 0; i < ps.Length; i++) Assert.True(ps[i].equal(resumed[i]), $"parameter {i} differs after resuming");
        }
        finally { OptimGoldens.DisposeAll(ps.Concat(resumed)); }
    }

    [Fact]
    public void State_dict_is_keyed_like_pytorch_and_owns_copies()
    {
        var ps = OptimGoldens.InitialParams();
        try
        {
            using var opt = new Adam(new[] { new ParamGroup(new[] { ps[0] }), new ParamGroup(new[] { ps[1] }, lr: 0.5) },
                                     lr: 0.01, amsgrad: true);
            OptimGoldens.SetGrads(ps, 0);
            opt.step();
            using var sd = opt.state_dict();
            Assert.Equal(new[] { "state.0.exp_avg", "state.0.exp_avg_sq", "state.0.max_exp_avg_sq", "state.0.step",
                                 "state.1.exp_avg", "state.1.exp_avg_sq", "state.1.max_exp_avg_sq", "state.1.step" },
                         sd.tensors.Keys.Order());
            var groups = sd.scalars["param_groups"]!.AsArray();
            Assert.Equal("[1]", groups[1]!["params"]!.ToJsonString());
            Assert.Equal(0.5, groups[1]!["lr"]!.GetValue<double>());
            Assert.Equal("[0.9,0.999]", groups[0]!["betas"]!.ToJsonString());
            Assert.True(groups[0]!["amsgrad"]!.GetValue<bool>());

            // Copies: further steps do not change what was saved.
            var savedAvg = sd.tensors["state.0.exp_avg"].data<double>();
            OptimGoldens.SetGrads(ps, 1);
            opt.step();
            Assert.Equal(savedAvg, sd.tensors["state.0.exp_avg"].data<double>());
            Assert.NotEqual(savedAvg, opt.state_of(ps[0])["exp_avg"].data<double>());
        }
        finally { OptimGoldens.DisposeAll(ps); }
    }

    [Fact]
    public void Mismatched_shapes_name_the_key_and_both_shapes_and_change_nothing()
    {
        var ps = OptimGoldens.InitialParams();
        using var t = torch.zeros(new long[] { 3, 2 }, ScalarType.Float64);
        var other = new[] { new Parameter(t), OptimGoldens.MakeParam(new double[4], new long[] { 4 }) };
        try
        {
            using var source = new Adam(ps);
            OptimGoldens.SetGrads(ps, 0);
            source.step();
            using var sd = source.state_dict();

            using var target = new Adam(other);
            using (var g = torch.ones(new long[] { 3, 2 }, ScalarType.Float64)) other[0].grad = g;
            target.step();
            var ex = Assert.Throws<ArgumentException>(() => target.load_state_dict(sd));
            Assert.Contains("state.0.exp_avg", ex.Message);
            Assert.Contains("[2, 3]", ex.Message);
            Assert.Contains("[3, 2]", ex.Message);
            Assert.Equal(1.0, target.state_of(other[0])["step"].item<double>()); // untouched
        }
        finally { OptimGoldens.DisposeAll(ps.Concat(other)); }
    }

    [Fact]
    public void Mismatched_parameter_counts_and_foreign_state_are_refused()
    {
        var ps = OptimGoldens.InitialParams();
        try
        {
            using var sgd = new SGD(ps, lr: 0.1, momentum: 0.9);
            OptimGoldens.SetGrads(ps, 0);
            sgd.step();
            using var sd = sgd.state_dict();

            using var smaller = new SGD(new[] { ps[0] }, lr: 0.1, momentum: 0.9);
            var ex = Assert.Throws<ArgumentException>(() => smaller.load_state_dict(sd));
            Assert.Contains("[2] parameters", ex.Message);
            Assert.Contains("[1]", ex.Message);

            using var adam = new Adam(ps);
            var ex2 = Assert.Throws<ArgumentException>(() => adam.load_state_dict(sd));
            Assert.Contains("state.0.momentum_buffer", ex2.Message);
        }
        finally { OptimGoldens.DisposeAll(ps); }
    }
}
