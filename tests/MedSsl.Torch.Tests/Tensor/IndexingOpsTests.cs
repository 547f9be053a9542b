using static MedSsl.Torch.Tests.OpsAssert;

namespace MedSsl.Torch.Tests;

public class IndexingOpsTests
{
    // x[i, j] = 10 i + j, shape [3, 4]
    static Tensor G() => (torch.arange(3).reshape(3, 1) * 10 + torch.arange(4)).to(ScalarType.Float64);

    [Fact]
    public void Integer_indices_drop_dims_and_count_from_the_end()
    {
        using var scope = NewDisposeScope();
        var x = G();
        Close(new double[] { 10, 11, 12, 13 }, x[1], shape: S(4));
        Assert.Equal(23.0, x[2, 3].item<double>());
        Assert.Equal(23.0, x[-1, -1].item<double>());
        Assert.Equal(22.0, x[^1, ^2].item<double>());
        Close(new double[] { 3, 13, 23 }, x[TensorIndex.Colon, ^1], shape: S(3));
        Assert.Empty(x[0, 0].shape);
    }

    [Fact]
    public void Ranges_are_python_slices()
    {
        using var scope = NewDisposeScope();
        var x = G();
        Close(new double[] { 10, 11, 12, 13, 20, 21, 22, 23 }, x[1..3], shape: S(2, 4));
        Close(new double[] { 1, 2, 11, 12, 21, 22 }, x[.., 1..3], shape: S(3, 2));
        Close(new double[] { 0, 1, 2, 10, 11, 12 }, x[..^1, ..^1], shape: S(2, 3));
        Close(new double[] { 12, 13, 22, 23 }, x[^2.., ^2..]);
        Close(new double[] { 22 }, x[^1.., ^2..^1], shape: S(1, 1));
        Assert.Equal(S(0, 4), x[2..1].shape);
        Assert.Equal(S(3, 0), x[.., ^0..].shape);
        Assert.Equal(S(3, 4), x[0..100].shape); // bounds clamp as in Python
        Close(new double[] { 0, 2, 20, 22 }, x[TensorIndex.Slice(step: 2), TensorIndex.Slice(0, null, 2)]);
        Close(new double[] { 11, 13 }, x[1, TensorIndex.Slice(1, 4, 2)]);
        Close(new double[] { 21 }, x[TensorIndex.Slice(-1), TensorIndex.Slice(-3, -2)], shape: S(1, 1));
    }

    [Fact]
    public void None_ellipsis_and_bool_add_or_keep_dims()
    {
        using var scope = NewDisposeScope();
        var x = G();
        Assert.Equal(S(1, 3, 4), x[TensorIndex.None].shape);
        Assert.Equal(S(3, 1, 4), x[.., TensorIndex.None].shape);
        Close(new double[] { 2, 12, 22 }, x[TensorIndex.Ellipsis, 2], shape: S(3));
        var y = torch.zeros(2, 3, 4, 5);
        Assert.Equal(S(2, 3, 4), y[TensorIndex.Ellipsis, 0].shape);
        Assert.Equal(S(3, 4), y[0, TensorIndex.Ellipsis, 1].shape);
        Assert.Equal(S(1, 3, 4), x[true].shape);
        Assert.Equal(S(0, 3, 4), x[false].shape);
    }

    [Fact]
    public void Basic_indexing_returns_views()
    {
        using var scope = NewDisposeScope();
        var x = G();
        var row = x[1];
        row.fill_(-1);
        Close(new double[] { -1, -1, -1, -1 }, x[1]);
        var block = x[1.., 2..];
        block.mul_(0);
        Close(new double[] { 0, 1, 2, 3, -1, -1, 0, 0, 20, 21, 0, 0 }, x);
    }

    [Fact]
    public void Tensor_indices_select_rows_and_points()
    {
        using var scope = NewDisposeScope();
        var x = G();
        Close(new double[] { 20, 21, 22, 23, 0, 1, 2, 3 }, x[torch.tensor(new long[] { 2, 0 })], shape: S(2, 4));
        Close(new double[] { 3, 21 }, x[torch.tensor(new long[] { 0, 2 }), torch.tensor(new long[] { 3, 1 })], shape: S(2));
        Close(new double[] { 1, 3, 11, 13, 21, 23 }, x[.., torch.tensor(new long[] { 1, 3 })], shape: S(3, 2));
        Close(new double[] { 3, 13, 23 }, x[.., torch.tensor(new long[] { -1 })].flatten());
        var mask = x > 15;
        Close(new double[] { 20, 21, 22, 23 }, x[mask], shape: S(4));
        Close(new double[] { 0, 1, 2, 3, 20, 21, 22, 23 }, x[torch.tensor(new[] { true, false, true })]);
    }

    [Fact]
    public void Assignment_fills_numbers_and_copies_tensors()
    {
        using var scope = NewDisposeScope();
        var x = G();
        x[0] = 7;
        x[1, ^1] = -3.5;
        x[2, 1..3] = torch.tensor(new double[] { 100, 200 });
        Close(new double[] { 7, 7, 7, 7, 10, 11, 12, -3.5, 20, 100, 200, 23 }, x);
        x[.., 0] = torch.tensor(new double[] { 1, 2, 3 });
        Close(new double[] { 1, 2, 3 }, x[.., 0]);
        x[x > 50] = 0;
        Assert.Equal(23.0, x.max().item<double>());
        x[x < 0] = torch.tensor(new double[] { 5 });
        Assert.Equal(5.0, x[1, 3].item<double>());
        Assert.Same(x, x.index_put_(1, TensorIndex.Ellipsis));
        Assert.Equal(12.0, x.sum().item<double>());
    }

    [Fact]
    public void Assignment_into_integer_and_bool_tensors_keeps_their_dtype()
    {
        using var scope = NewDisposeScope();
        var l = torch.tensor(new long[] { 1, 2, 3, 4 });
        l[(l % 2).eq(0)] = 0;
        Assert.Equal(ScalarType.Int64, l.dtype);
        Exact(new long[] { 1, 0, 3, 0 }, l);
        l[torch.tensor(new long[] { 0, 3 })] = 9;
        Exact(new long[] { 9, 0, 3, 9 }, l);
        var b = torch.zeros(new long[] { 3 }, ScalarType.Bool);
        b[1] = 1;
        Assert.Equal(new[] { false, true, false }, b.data<bool>());
    }

    [Fact]
    public void Assignment_keeps_autograd_flowing()
    {
        using var scope = NewDisposeScope();
        var w = torch.tensor(new double[] { 1, 2, 3 }, requires_grad: true);
        var y = w * 2;
        y[1] = 0;
        y.sum().backward();
        Close(new double[] { 2, 0, 2 }, w.grad!);
    }

    [Fact]
    public void Bad_indices_raise_with_the_index_in_the_message()
    {
        using var scope = NewDisposeScope();
        var x = G();
        var ex = Assert.Throws<TorchException>(() => x[3]);
        Assert.Contains("index", ex.Message);
        Assert.Contains("[3, 4] float64", ex.Message);
        Assert.Contains("at [3]", ex.Message);
        var tooMany = Assert.Throws<TorchException>(() => x[0, 0, 0]);
        Assert.Contains("at [0, 0, 0]", tooMany.Message);
        var badMask = Assert.Throws<TorchException>(() => x[torch.tensor(new[] { true, false })]);
        Assert.Contains("tensor [2] bool", badMask.Message);
        Assert.Throws<IndexOutOfRangeException>(() => x[^0]);
        var badStep = Assert.Throws<TorchException>(() => x[TensorIndex.Slice(step: -1)]);
        Assert.Contains("::-1", badStep.Message);
        Assert.Equal(23.0, x[^1, ^1].item<double>()); // still usable
    }
}
