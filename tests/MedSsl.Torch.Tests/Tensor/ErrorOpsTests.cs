namespace MedSsl.Torch.Tests;

/// <summary>libtorch errors become .NET exceptions naming the op and input shapes; the process goes on.</summary>
public class ErrorOpsTests
{
    static void Names(TorchException ex, string op, params string[] shapes)
    {
        Assert.Equal(op, ex.Op);
        Assert.StartsWith(op, ex.Message);
        foreach (var s in shapes) Assert.Contains(s, ex.Message);
    }

    [Fact]
    public void Broadcast_mismatch_in_add()
    {
        using var scope = NewDisposeScope();
        var ex = Assert.Throws<TorchException>(() => torch.ones(2, 3) + torch.ones(4));
        Names(ex, "add", "[2, 3] float32", "[4] float32");
        Assert.Contains("must match", ex.Message);
        var inplace = Assert.Throws<TorchException>(() => torch.ones(3).add_(torch.ones(2, 3)));
        Names(inplace, "add_", "[3] float32", "[2, 3] float32");
    }

    [Fact]
    public void Cat_of_mismatched_shapes()
    {
        using var scope = NewDisposeScope();
        var ex = Assert.Throws<TorchException>(() => torch.cat(new[] { torch.ones(2, 3), torch.ones(2, 4) }));
        Names(ex, "cat", "[2, 3] float32", "[2, 4] float32");
        Assert.Throws<ArgumentException>(() => torch.cat(Array.Empty<Tensor>()));
    }

    [Fact]
    public void View_that_does_not_fit()
    {
        using var scope = NewDisposeScope();
        var ex = Assert.Throws<TorchException>(() => torch.ones(2, 3).view(4, 2));
        Names(ex, "view", "[2, 3] float32");
        Assert.Contains("invalid for input of size 6", ex.Message);
        var strided = Assert.Throws<TorchException>(() => torch.ones(2, 3).t().view(6));
        Assert.Contains("reshape", strided.Message); // libtorch's hint to use reshape
    }

    [Fact]
    public void Float_indices_for_index_select_and_gather()
    {
        using var scope = NewDisposeScope();
        var x = torch.ones(3, 3);
        var ex = Assert.Throws<TorchException>(() => x.index_select(0, torch.tensor(new float[] { 0, 1 })));
        Names(ex, "index_select", "[3, 3] float32", "[2] float32");
        Assert.Contains("int64", ex.Message);
        var g = Assert.Throws<TorchException>(() => x.gather(1, torch.ones(3, 1)));
        Names(g, "gather", "[3, 1] float32");
        var oob = Assert.Throws<TorchException>(() => x.index_select(0, torch.tensor(new long[] { 5 })));
        Assert.Contains("out of range", oob.Message);
    }

    [Fact]
    public void Out_of_range_dims()
    {
        using var scope = NewDisposeScope();
        var x = torch.ones(2, 3);
        Names(Assert.Throws<TorchException>(() => x.sum(2)), "sum", "[2, 3] float32");
        Names(Assert.Throws<TorchException>(() => x.softmax(-3)), "softmax", "[2, 3] float32");
        Names(Assert.Throws<TorchException>(() => x.sort(5)), "sort", "[2, 3] float32");
        Names(Assert.Throws<TorchException>(() => x.split(1, 4)), "split", "[2, 3] float32");
        Names(Assert.Throws<TorchException>(() => x.topk(4)), "topk", "[2, 3] float32");
        Assert.Contains("Dimension out of range", Assert.Throws<TorchException>(() => x.transpose(0, 2)).Message);
    }

    [Fact]
    public void Matmul_and_einsum_shape_errors()
    {
        using var scope = NewDisposeScope();
        Names(Assert.Throws<TorchException>(() => torch.bmm(torch.ones(2, 3, 4), torch.ones(3, 4, 5))), "bmm",
              "[2, 3, 4] float32", "[3, 4, 5] float32");
        var e = Assert.Throws<TorchException>(() => torch.einsum("ij,jk->ik", torch.ones(2, 3), torch.ones(4, 5)));
        Names(e, "einsum", "[2, 3] float32", "[4, 5] float32");
    }

    [Fact]
    public void Disposed_tensors_raise_object_disposed_for_every_op_family()
    {
        var x = torch.ones(2, 2);
        var idx = torch.tensor(new long[] { 0 });
        x.Dispose();
        Assert.Throws<ObjectDisposedException>(() => x[0]);
        Assert.Throws<ObjectDisposedException>(() => x.index_select(0, idx));
        Assert.Throws<ObjectDisposedException>(() => x.sort());
        Assert.Throws<ObjectDisposedException>(() => x.split(1));
        Assert.Throws<ObjectDisposedException>(() => torch.cat(new[] { x, x }));
        Assert.Throws<ObjectDisposedException>(() => torch.ones(1, 2).index_select(0, x.@long()));
        var y = torch.ones(1, 2);
        Assert.Throws<ObjectDisposedException>(() => y[x.@bool()]);
        idx.Dispose();
        Assert.Throws<ObjectDisposedException>(() => y[idx]);
        Assert.Equal("tensor(disposed)", x.ToString());
        Assert.Equal(2.0f, y.sum().item<float>()); // others unaffected
        y.Dispose();
    }

    [Fact]
    public void Many_errors_in_a_row_leave_the_process_usable()
    {
        using var scope = NewDisposeScope();
        var x = torch.ones(2, 3);
        for (int i = 0; i < 200; i++)
            Assert.Throws<TorchException>(() => x.view(7));
        Assert.Equal(6.0f, x.sum().item<float>());
        Assert.Throws<TorchException>(() => torch.ones(2).item<float>());
    }
}
