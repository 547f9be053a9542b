using MedSsl.Torch.Optim;

namespace MedSsl.Torch.Tests;

/// <summary>Parameter groups, zero_grad, closures and argument checks of the optimizer base.</summary>
public class OptimizerBehaviourTests
{
    static Parameter Vec(params double[] v) => OptimGoldens.MakeParam(v, new long[] { v.Length });

    static void Grad(Parameter p, params double[] g)
    {
        using var t = torch.tensor(g);
        p.grad = t;
    }

    [Fact]
    public void Groups_take_defaults_for_what_they_do_not_set_and_lr_changes_apply()
    {
        using var a = Vec(1, 1);
        using var b = Vec(1, 1);
        using var opt = torch.optim.SGD(new[] { new ParamGroup(new[] { a }), new ParamGroup(new[] { b }, lr: 0.5) }, lr: 0.1);
        Assert.Equal(0.1, opt.param_groups[0].lr);
        Assert.Equal(0.5, opt.param_groups[1].lr);
        Assert.Equal(0.0, opt.param_groups[1].momentum);
        Grad(a, 1, 2);
        Grad(b, 1, 2);
        opt.step();
        Assert.Equal(new[] { 0.9, 0.8 }, a.data<double>());
        Assert.Equal(new[] { 0.5, 0.0 }, b.data<double>());

        opt.param_groups[0].lr = 1;
        opt.step();
        Assert.Equal(new[] { -0.1, -1.2 }, a.data<double>(), new ToleranceComparer(1e-15));
    }

    [Fact]
    public void Options_an_optimizer_does_not_use_are_absent()
    {
        using var a = Vec(1);
        using var opt = torch.optim.SGD(new[] { a }, lr: 0.1);
        Assert.False(opt.param_groups[0].has("betas"));
        var ex = Assert.Throws<InvalidOperationException>(() => opt.param_groups[0].betas);
        Assert.Contains("betas", ex.Message);
        using var adam = torch.optim.AdamW(new[] { a });
        Assert.Equal((0.9, 0.999), adam.param_groups[0].betas);
        Assert.Equal(1e-2, adam.param_groups[0].weight_decay);
    }

    [Fact]
    public void Zero_grad_sets_to_none_or_zeroes()
    {
        using var a = Vec(1, 2);
        using var opt = torch.optim.Adam(new[] { a });
        Grad(a, 3, 4);
        opt.zero_grad(set_to_none: false);
        using (var g = a.grad) Assert.Equal(new[] { 0.0, 0.0 }, g!.data<double>());
        opt.zero_grad();
        Assert.Null(a.grad);
    }

    [Fact]
    public void Step_runs_the_closure_with_grad_enabled_and_returns_its_loss()
    {
        using var a = Vec(1, 2);
        using var opt = torch.optim.SGD(new[] { a }, lr: 0.25);
        using var noGrad = torch.no_grad();
        var loss = opt.step(() =>
        {
            Assert.True(torch.is_grad_enabled());
            var l = a.dot(a);
            l.backward();
            return l;
        });
        using (loss)
            Assert.Equal(5.0, loss!.item<double>());
        Assert.Equal(new[] { 0.5, 1.0 }, a.data<double>()); // a - 0.25 * 2a
    }

    [Fact]
    public void Bad_arguments_are_refused_with_reasons()
    {
        using var a = Vec(1);
        Assert.Contains("empty parameter list", Assert.Throws<ArgumentException>(() => new SGD(Array.Empty<Parameter>(), 0.1)).Message);
        Assert.Contains("Nesterov", Assert.Throws<ArgumentException>(() => new SGD(new[] { a }, 0.1, nesterov: true)).Message);
        Assert.Contains("beta", Assert.Throws<ArgumentException>(() => new Adam(new[] { a }, betas: (0.9, 1.0))).Message);
        Assert.Contains("more than one", Assert.Throws<ArgumentException>(() =>
            new SGD(new[] { new ParamGroup(new[] { a }), new ParamGroup(new[] { a }) }, 0.1)).Message);
        Assert.Contains("'lr'", Assert.Throws<ArgumentException>(() => new SGD(new[] { new ParamGroup(new[] { a }) })).Message);
    }

    [Fact]
    public void Disposed_optimizer_refuses_to_step()
    {
        using var a = Vec(1);
        var opt = torch.optim.SGD(new[] { a }, lr: 0.1, momentum: 0.9);
        Grad(a, 1);
        opt.step();
        opt.Dispose();
        Assert.Throws<ObjectDisposedException>(() => opt.step());
        Assert.False(a.IsDisposed);
    }
}

sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
{
    public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;
    public int GetHashCode(double obj) => 0;
}
