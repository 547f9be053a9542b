using static MedSsl.Torch.Tests.OpsAssert;

namespace MedSsl.Torch.Tests;

public class GatherScatterOpsTests
{
    // [[0, 1, 2], [3, 4, 5]]
    static Tensor M() => torch.arange(6).reshape(2, 3).to(ScalarType.Float64);
    static Tensor I(params long[] v) => torch.tensor(v);

    [Fact]
    public void Index_select_picks_slices_in_index_order()
    {
        using var scope = NewDisposeScope();
        var x = M();
        Close(new double[] { 2, 0, 2, 5, 3, 5 }, x.index_select(1, I(2, 0, 2)), shape: S(2, 3));
        Close(new double[] { 3, 4, 5 }, torch.index_select(x, 0, I(1)), shape: S(1, 3));
    }

    [Fact]
    public void Gather_reads_along_a_dim()
    {
        using var scope = NewDisposeScope();
        var x = M();
        var idx = torch.tensor(new long[] { 2, 0, 1, 1 }, 2, 2);
        Close(new double[] { 2, 0, 4, 4 }, x.gather(1, idx), shape: S(2, 2));
        Close(new double[] { 3, 1, 2 }, torch.gather(x, 0, torch.tensor(new long[] { 1, 0, 0 }, 1, 3)));
    }

    [Fact]
    public void Scatter_writes_tensor_or_value_and_in_place_returns_this()
    {
        using var scope = NewDisposeScope();
        var z = torch.zeros(new long[] { 2, 4 }, ScalarType.Float64);
        var idx = torch.tensor(new long[] { 3, 0, 1, 2 }, 2, 2);
        var src = torch.tensor(new double[] { 10, 20, 30, 40 }, 2, 2);
        Close(new double[] { 20, 0, 0, 10, 0, 30, 40, 0 }, z.scatter(1, idx, src));
        Close(new double[] { 7, 0, 0, 7, 0, 7, 7, 0 }, torch.scatter(z, 1, idx, 7));
        Assert.Equal(0.0, z.abs().sum().item<double>());
        Assert.Same(z, z.scatter_(1, idx, src));
        Assert.Same(z, z.scatter_(1, torch.tensor(new long[] { 0, 1 }, 2, 1), -1));
        Close(new double[] { -1, 0, 0, 10, 0, -1, 40, 0 }, z);
    }

    [Fact]
    public void Scatter_add_and_index_add_accumulate_repeats()
    {
        using var scope = NewDisposeScope();
        var z = torch.zeros(new long[] { 4 }, ScalarType.Float64);
        var idx = I(0, 2, 0, 3, 0);
        var ones = torch.ones(new long[] { 5 }, ScalarType.Float64);
        Close(new double[] { 3, 0, 1, 1 }, z.scatter_add(0, idx, ones));
        Assert.Same(z, z.scatter_add_(0, idx, ones * 2));
        Close(new double[] { 6, 0, 2, 2 }, z);
        var m = torch.zeros(new long[] { 3, 2 }, ScalarType.Float64);
        var rows = torch.tensor(new double[] { 1, 2, 3, 4, 5, 6 }, 3, 2);
        Assert.Same(m, m.index_add_(0, I(2, 0, 2), rows, alpha: 10));
        Close(new double[] { 30, 40, 0, 0, 60, 80 }, m);
        Close(new double[] { 31, 42, 0, 0, 63, 84 }, torch.index_add(m, 0, I(0, 2), torch.tensor(new double[] { 1, 2, 3, 4 }, 2, 2)));
        Assert.Same(m, m.index_fill_(1, I(0), -1));
        Close(new double[] { -1, 40, -1, 0, -1, 80 }, m);
    }

    [Fact]
    public void Masked_select_nonzero_take_and_where_cond()
    {
        using var scope = NewDisposeScope();
        var x = torch.tensor(new double[] { 0, 3, 0, -2, 5, 0 }, 2, 3);
        Close(new double[] { 3, 5 }, x.masked_select(x > 0));
        Close(new double[] { 0, 0, -2, 0 }, torch.masked_select(x, torch.tensor(new[] { true, false, true }))); // mask broadcasts
        Exact(new long[] { 0, 1, 1, 0, 1, 1 }, x.nonzero(), shape: S(3, 2));
        Close(new double[] { 5, 0, 3 }, x.take(I(4, 0, -5)));
        var (r, c) = (torch.where(x.ne(0))[0], torch.where(x.ne(0))[1]);
        Exact(new long[] { 0, 1, 1 }, r);
        Exact(new long[] { 1, 0, 1 }, c);
        Close(new double[] { 0, 1, 0, 2, 3, 0 }, x.masked_scatter(x.ne(0), torch.tensor(new double[] { 1, 2, 3 })));
    }

    [Fact]
    public void Index_put_with_tensor_tuple_can_accumulate()
    {
        using var scope = NewDisposeScope();
        var z = torch.zeros(new long[] { 3, 3 }, ScalarType.Float64);
        var rows = I(0, 2, 0);
        var cols = I(1, 2, 1);
        var v = torch.tensor(new double[] { 1, 2, 3 });
        Assert.Same(z, z.index_put_(new Tensor?[] { rows, cols }, v, accumulate: true));
        Close(new double[] { 0, 4, 0, 0, 0, 0, 0, 0, 2 }, z);
        z.index_put_(new Tensor?[] { I(1) }, torch.tensor(9.0, ScalarType.Float64));
        Close(new double[] { 9, 9, 9 }, z[1]);
        z.index_put_(new Tensor?[] { null, I(0) }, torch.tensor(new double[] { -1, -2, -3 }, 3, 1));
        Close(new double[] { -1, -2, -3 }, z[TensorIndex.Colon, 0]);
    }
}
