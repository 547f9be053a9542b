using static MedSsl.Torch.Tests.OpsAssert;

namespace MedSsl.Torch.Tests;

public class ShapeOpsTests
{
    static Tensor R(params long[] shape) => torch.arange(shape.Aggregate(1L, (a, b) => a * b)).to(ScalarType.Float64).reshape(shape);

    [Fact]
    public void View_reshape_flatten_unflatten()
    {
        using var scope = NewDisposeScope();
        var x = R(2, 3, 4);
        Assert.Equal(S(6, 4), x.view(6, 4).shape);
        Assert.Equal(S(4, 6), x.reshape(4, -1).shape);
        Assert.Equal(S(24), x.flatten().shape);
        Assert.Equal(S(2, 12), x.flatten(1).shape);
        Assert.Equal(S(6, 4), torch.flatten(x, 0, 1).shape);
        Assert.Equal(S(2, 3, 2, 2), x.unflatten(2, 2, 2).shape);
        Close(D(x), x.view(24));
    }

    [Fact]
    public void Views_share_storage_with_their_base()
    {
        using var scope = NewDisposeScope();
        var x = R(2, 3);
        var v = x.view(3, 2);
        v[0, 1] = 100;
        Assert.Equal(100.0, x[0, 1].item<double>());
        var t = x.t();
        t[2, 1] = -5;
        Assert.Equal(-5.0, x[1, 2].item<double>());
        Assert.False(t.is_contiguous());
        Assert.True(t.contiguous().is_contiguous());
    }

    [Fact]
    public void Permute_transpose_and_T_move_elements()
    {
        using var scope = NewDisposeScope();
        var x = R(2, 3);
        Close(new double[] { 0, 3, 1, 4, 2, 5 }, x.t(), shape: S(3, 2));
        Close(new double[] { 0, 3, 1, 4, 2, 5 }, x.T);
        var y = R(2, 3, 4);
        var p = y.permute(2, 0, 1);
        Assert.Equal(S(4, 2, 3), p.shape);
        Assert.Equal(y[1, 2, 3].item<double>(), p[3, 1, 2].item<double>());
        Assert.Equal(S(4, 3, 2), y.T.shape);
        Assert.Equal(S(2, 4, 3), y.transpose(-1, -2).shape);
    }

    [Fact]
    public void Squeeze_unsqueeze_expand_repeat()
    {
        using var scope = NewDisposeScope();
        var x = R(3).unsqueeze(0).unsqueeze(-1);
        Assert.Equal(S(1, 3, 1), x.shape);
        Assert.Equal(S(3), x.squeeze().shape);
        Assert.Equal(S(3, 1), x.squeeze(0).shape);
        Assert.Equal(S(1, 3, 1), x.squeeze(1).shape);
        var e = R(3, 1).expand(3, 4);
        Assert.Equal(S(3, 4), e.shape);
        Assert.Equal(new long[] { 1, 0 }, e.stride());
        Close(new double[] { 0, 1, 0, 1, 0, 1 }, R(2).repeat(3), shape: S(6));
        Assert.Equal(S(4, 6), R(2, 3).repeat(2, 2).shape);
    }

    [Fact]
    public void Narrow_select_slice_flip_roll()
    {
        using var scope = NewDisposeScope();
        var x = R(3, 4);
        Close(new double[] { 1, 2, 5, 6, 9, 10 }, x.narrow(1, 1, 2), shape: S(3, 2));
        Close(new double[] { 4, 5, 6, 7 }, x.select(0, 1));
        Close(new double[] { 0, 2, 8, 10 }, x.slice(0, 0, 3, 2).slice(1, 0, long.MaxValue, 2));
        Close(new double[] { 3, 2, 1, 0 }, x[0].flip(0));
        Close(new double[] { 3, 0, 1, 2 }, x[0].roll(new long[] { 1 }, new long[] { 0 }));
    }

    [Fact]
    public void Cat_and_stack_join_along_dims()
    {
        using var scope = NewDisposeScope();
        var a = R(2, 2);
        var b = R(2, 2) + 10;
        Close(new double[] { 0, 1, 2, 3, 10, 11, 12, 13 }, torch.cat(new[] { a, b }), shape: S(4, 2));
        Close(new double[] { 0, 1, 10, 11, 2, 3, 12, 13 }, torch.cat(new[] { a, b }, 1), shape: S(2, 4));
        Assert.Equal(S(2, 2, 2), torch.stack(new[] { a, b }).shape);
        Close(new double[] { 0, 10, 1, 11, 2, 12, 3, 13 }, torch.stack(new[] { a, b }, -1), shape: S(2, 2, 2));
    }

    [Fact]
    public void Split_chunk_unbind_give_views_of_the_pieces()
    {
        using var scope = NewDisposeScope();
        var x = R(5, 2);
        var parts = x.split(2);
        Assert.Equal(new[] { S(2, 2), S(2, 2), S(1, 2) }, parts.Select(p => p.shape));
        Close(new double[] { 8, 9 }, parts[2]);
        var sized = torch.split(x, new long[] { 1, 4 });
        Assert.Equal(new[] { S(1, 2), S(4, 2) }, sized.Select(p => p.shape));
        var chunks = x.chunk(2, 1);
        Assert.Equal(2, chunks.Length);
        Close(new double[] { 1, 3, 5, 7, 9 }, chunks[1], shape: S(5, 1));
        Assert.Equal(new[] { 2L, 2L, 1L }, torch.chunk(x, 3).Select(c => c.shape[0]));
        Assert.Equal(new[] { 2L, 2L, 1L }, x.tensor_split(3).Select(c => c.shape[0]));
        var rows = x.unbind();
        Assert.Equal(5, rows.Length);
        Close(new double[] { 6, 7 }, rows[3], shape: S(2));
        rows[0][1] = 42;
        Assert.Equal(42.0, x[0, 1].item<double>());
    }

    [Fact]
    public void Meshgrid_ij_and_xy()
    {
        using var scope = NewDisposeScope();
        var a = torch.tensor(new double[] { 1, 2 });
        var b = torch.tensor(new double[] { 3, 4, 5 });
        var ij = torch.meshgrid(new[] { a, b });
        Assert.Equal(S(2, 3), ij[0].shape);
        Close(new double[] { 1, 1, 1, 2, 2, 2 }, ij[0]);
        Close(new double[] { 3, 4, 5, 3, 4, 5 }, ij[1]);
        Assert.Equal(S(3, 2), torch.meshgrid(new[] { a, b }, "xy")[0].shape);
    }
}
