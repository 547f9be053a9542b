using static MedSsl.Torch.Tests.OpsAssert;

namespace MedSsl.Torch.Tests;

public class CreationOpsTests
{
    [Fact]
    public void Constant_factories_fill_shape_and_dtype()
    {
        using var scope = NewDisposeScope();
        var z = torch.zeros(2, 3);
        Assert.Equal(S(2, 3), z.shape);
        Assert.Equal(ScalarType.Float32, z.dtype);
        Assert.All(z.data<float>(), v => Assert.Equal(0f, v));
        Assert.All(torch.ones(new long[] { 4 }, ScalarType.Int64).data<long>(), v => Assert.Equal(1L, v));
        var f = torch.full(new long[] { 2, 2 }, 7.5, ScalarType.Float64);
        Assert.Equal(new[] { 7.5, 7.5, 7.5, 7.5 }, f.data<double>());
        Assert.Equal(S(0, 3), torch.empty(0, 3).shape);
    }

    [Fact]
    public void Arange_gives_int64_for_integers_and_floats_otherwise()
    {
        using var scope = NewDisposeScope();
        var a = torch.arange(5);
        Assert.Equal(ScalarType.Int64, a.dtype);
        Exact(new long[] { 0, 1, 2, 3, 4 }, a);
        var b = torch.arange(0, 1, 0.25);
        Assert.Equal(ScalarType.Float32, b.dtype);
        Close(new[] { 0, 0.25, 0.5, 0.75 }, b);
        Exact(new long[] { 2, 5, 8 }, torch.arange(2, 10, 3));
    }

    [Fact]
    public void Linspace_and_eye()
    {
        using var scope = NewDisposeScope();
        Close(new[] { -1, -0.5, 0, 0.5, 1 }, torch.linspace(-1, 1, 5));
        Close(new double[] { 1, 0, 0, 0, 1, 0 }, torch.eye(2, 3), shape: S(2, 3));
        Close(new double[] { 1, 0, 0, 1 }, torch.eye(2));
    }

    [Fact]
    public void Tensor_from_arrays_keeps_values_and_shape()
    {
        using var scope = NewDisposeScope();
        var t = torch.tensor(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        Assert.Equal(S(2, 3), t.shape);
        Assert.Equal(ScalarType.Float64, t.dtype);
        Assert.Equal(6.0, t[1, 2].item<double>());
        var l = torch.tensor(new long[] { 5, 6, 7, 8 }, 2, 2);
        Assert.Equal(ScalarType.Int64, l.dtype);
        Assert.Equal(7L, l[1, 0].item<long>());
        var bools = torch.tensor(new[] { true, false, true });
        Assert.Equal(ScalarType.Bool, bools.dtype);
        Assert.Equal(2L, bools.sum().item<long>());
        var s = torch.tensor(3.5);
        Assert.Empty(s.shape);
        Assert.Equal(3.5f, s.item<float>());
    }

    [Fact]
    public void Like_factories_copy_shape_and_dtype()
    {
        using var scope = NewDisposeScope();
        var x = torch.randn(new long[] { 3, 2 }, ScalarType.Float64);
        var o = torch.ones_like(x);
        Assert.Equal(x.shape, o.shape);
        Assert.Equal(ScalarType.Float64, o.dtype);
        Close(new double[] { 2, 2, 2, 2, 2, 2 }, torch.full_like(x, 2));
        Assert.Equal(0.0, torch.zeros_like(x).abs().sum().item<double>());
    }

    [Fact]
    public void Seeded_random_factories_repeat_and_respect_ranges()
    {
        using var scope = NewDisposeScope();
        torch.manual_seed(42);
        var a = torch.rand(1000);
        var r = torch.randint(3, 7, new long[] { 500 });
        torch.manual_seed(42);
        Assert.True(a.equal(torch.rand(1000)));
        Assert.True(a.min().item<float>() >= 0 && a.max().item<float>() < 1);
        Assert.Equal(3L, r.min().item<long>());
        Assert.Equal(6L, r.max().item<long>());
        var p = torch.randperm(10);
        Exact(Enumerable.Range(0, 10).Select(i => (long)i).ToArray(), p.sort().values);
        var n = torch.randn(20000);
        Assert.InRange(n.mean().item<float>(), -0.05f, 0.05f);
        Assert.InRange(n.std().item<float>(), 0.95f, 1.05f);
    }
}
