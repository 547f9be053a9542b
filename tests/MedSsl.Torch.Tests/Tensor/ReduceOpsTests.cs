using static MedSsl.Torch.Tests.OpsAssert;

namespace MedSsl.Torch.Tests;

public class ReduceOpsTests
{
    // [[1, 2, 3], [4, 5, 9]]
    static Tensor M() => torch.tensor(new double[] { 1, 2, 3, 4, 5, 9 }, 2, 3);

    [Fact]
    public void Sum_and_mean_over_dims_with_keepdim()
    {
        using var scope = NewDisposeScope();
        var x = M();
        Assert.Equal(24.0, x.sum().item<double>());
        Close(new double[] { 5, 7, 12 }, x.sum(0), shape: S(3));
        Close(new double[] { 6, 18 }, x.sum(1, keepdim: true), shape: S(2, 1));
        Close(new double[] { 6, 18 }, torch.sum(x, -1));
        Assert.Equal(24.0, x.sum(new long[] { 0, 1 }).item<double>());
        Assert.Equal(4.0, x.mean().item<double>());
        Close(new double[] { 2.5, 3.5, 6 }, x.mean(0, keepdim: true), shape: S(1, 3));
        Close(new double[] { 2, 6 }, torch.mean(x, 1));
        Assert.Equal(ScalarType.Float64, torch.tensor(new long[] { 1, 2 }).sum(ScalarType.Float64).dtype);
        Assert.Equal(ScalarType.Int64, torch.tensor(new[] { true, true }).sum().dtype);
    }

    [Fact]
    public void Std_and_var_are_unbiased_by_default()
    {
        using var scope = NewDisposeScope();
        var x = M();
        // Row 1: mean 2, squared deviations 1+0+1 = 2 -> var 1 (n-1) or 2/3 (n).
        Close(new[] { 1, 7.0 }, x.var(1));
        Close(new[] { 2.0 / 3, 14.0 / 3 }, x.var(1, unbiased: false));
        Close(new[] { 1, Math.Sqrt(7) }, torch.std(x, 1));
        Close(new[] { Math.Sqrt(2.0 / 3), Math.Sqrt(14.0 / 3) }, x.std(1, unbiased: false, keepdim: true), shape: S(2, 1));
        // All six: mean 4, squared deviations 9+4+1+0+1+25 = 40.
        Assert.Equal(8.0, x.var().item<double>(), 12);
        Assert.Equal(Math.Sqrt(40.0 / 6), x.std(unbiased: false).item<double>(), 12);
    }

    [Fact]
    public void Max_min_argmax_argmin()
    {
        using var scope = NewDisposeScope();
        var x = torch.tensor(new double[] { 3, 7, 1, 8, 2, 6 }, 2, 3);
        Assert.Equal(8.0, x.max().item<double>());
        Assert.Equal(1.0, torch.min(x).item<double>());
        var (v, i) = x.max(1);
        Close(new double[] { 7, 8 }, v);
        Exact(new long[] { 1, 0 }, i);
        var (mv, mi) = torch.min(x, 0, keepdim: true);
        Close(new double[] { 3, 2, 1 }, mv, shape: S(1, 3));
        Exact(new long[] { 0, 1, 0 }, mi);
        Assert.Equal(3L, x.argmax().item<long>());
        Exact(new long[] { 1, 0, 1 }, torch.argmax(x, 0));
        Exact(new long[] { 2, 1 }, x.argmin(1));
        Exact(new long[] { 2, 1 }, x.argmin(-1, keepdim: true), shape: S(2, 1));
        Close(new double[] { 7, 8 }, x.amax(new long[] { 1 }));
        Close(new double[] { 1, 2 }, x.amin(new long[] { 1 }));
    }

    [Fact]
    public void Prod_norm_cumulative_and_logical()
    {
        using var scope = NewDisposeScope();
        var x = M();
        Assert.Equal(1080.0, x.prod().item<double>());
        Close(new double[] { 4, 10, 27 }, x.prod(0));
        Close(new double[] { 6, 18 }, x.norm(1, 1));
        Assert.Equal(Math.Sqrt(136), x.norm().item<double>(), 12);
        Close(new double[] { 4, 5, 9 }, x.norm(double.PositiveInfinity, 0));
        Close(new double[] { 1, 3, 6, 4, 9, 18 }, x.cumsum(1));
        Close(new double[] { 1, 2, 3, 4, 10, 27 }, x.cumprod(0));
        var b = x > 4;
        Assert.True(b.any().item<bool>());
        Assert.False(b.all().item<bool>());
        Assert.Equal(new[] { false, true }, b.any(1).data<bool>());
        Assert.Equal(new[] { false, false, false }, b.all(0).data<bool>());
    }

    [Fact]
    public void Softmax_family_is_normalised_and_stable()
    {
        using var scope = NewDisposeScope();
        var x = torch.tensor(new double[] { 1, 2, 3, 1000, 1000, 1000 }, 2, 3);
        var s = x.softmax(1);
        Close(new double[] { 1, 1 }, s.sum(1));
        var e = new[] { Math.Exp(1), Math.Exp(2), Math.Exp(3) };
        var z = e.Sum();
        Close(new[] { e[0] / z, e[1] / z, e[2] / z, 1 / 3.0, 1 / 3.0, 1 / 3.0 }, s);
        Close(new[] { 1 - Math.Log(z), 2 - Math.Log(z), 3 - Math.Log(z) }, torch.log_softmax(x, -1)[0]);
        Close(new[] { Math.Log(z), 1000 + Math.Log(3) }, torch.logsumexp(x, 1));
        Close(new[] { Math.Log(z) }, x[0].logsumexp(0, keepdim: true), shape: S(1));
        Assert.False(torch.softmax(x, 0).isnan().any().item<bool>());
    }
}
