using F = MedSsl.Torch.torch.nn.functional;

namespace MedSsl.Torch.Tests.NN;

public class FunctionalConvTests
{
    [Fact]
    public void Conv2d_matches_pytorch_with_gradients()
    {
        using var scope = NewDisposeScope();
        var g = Golden.Load("conv2d");
        var (x, w, b) = (g.Get("x", true), g.Get("w", true), g.Get("b", true));
        var y = F.conv2d(x, w, b, stride: 2, padding: 1);
        g.Check("y", y);
        y.backward(g["gy"]);
        g.Check("gx", x.grad!);
        g.Check("gw", w.grad!);
        g.Check("gb", b.grad!);
    }

    [Fact]
    public void Conv2d_groups_dilation_and_pair_padding_match_pytorch()
    {
        using var scope = NewDisposeScope();
        var g = Golden.Load("conv2d_groups");
        var (x, w) = (g.Get("x", true), g.Get("w", true));
        var y = F.conv2d(x, w, null, stride: 1, padding: (2, 1), dilation: 2, groups: 2);
        g.Check("y", y);
        y.backward(g["gy"]);
        g.Check("gx", x.grad!);
        g.Check("gw", w.grad!);
    }

    [Fact]
    public void Conv2d_same_padding_keeps_spatial_size()
    {
        using var scope = NewDisposeScope();
        var y = F.conv2d(torch.randn(1, 2, 7, 5), torch.randn(3, 2, 3, 3), padding: "same");
        Assert.Equal(new long[] { 1, 3, 7, 5 }, y.shape);
        Assert.Throws<ArgumentException>(() => F.conv2d(torch.randn(1, 2, 7, 5), torch.randn(3, 2, 3, 3), padding: "full"));
    }

    [Fact]
    public void Linear_matches_pytorch_with_gradients()
    {
        using var scope = NewDisposeScope();
        var g = Golden.Load("linear");
        var (x, w, b) = (g.Get("x", true), g.Get("w", true), g.Get("b", true));
        var y = F.linear(x, w, b);
        g.Check("y", y);
        y.backward(g["gy"]);
        g.Check("gx", x.grad!);
        g.Check("gw", w.grad!);
        g.Check("gb", b.grad!);
        g.Check("y", F.linear(x, w).add(b));
    }

    [Fact]
    public void Conv2d_with_wrong_channel_count_names_op_and_both_shapes()
    {
        using var scope = NewDisposeScope();
        var x = torch.randn(2, 4, 8, 8);
        var w = torch.randn(6, 3, 3, 3);
        var ex = Assert.Throws<TorchException>(() => F.conv2d(x, w));
        Assert.Equal("conv2d", ex.Op);
        Assert.Contains("conv2d", ex.Message);
        Assert.Contains("[2, 4, 8, 8] float32", ex.Message);
        Assert.Contains("[6, 3, 3, 3] float32", ex.Message);
        Assert.Contains("channels", ex.Message);
    }

    [Fact]
    public void Conv2d_module_reports_the_same_error_and_survives()
    {
        using var scope = NewDisposeScope();
        using var conv = torch.nn.Conv2d(3, 8, 3);
        var ex = Assert.Throws<TorchException>(() => conv.call(torch.randn(1, 5, 6, 6)));
        Assert.Contains("[1, 5, 6, 6]", ex.Message);
        Assert.Contains("[8, 3, 3, 3]", ex.Message);
        Assert.Equal(new long[] { 1, 8, 4, 4 }, conv.call(torch.randn(1, 3, 6, 6)).shape);
    }

    [Fact]
    public void Linear_shape_mismatch_raises_torch_exception()
    {
        using var scope = NewDisposeScope();
        var ex = Assert.Throws<TorchException>(() => F.linear(torch.randn(2, 5), torch.randn(3, 4)));
        Assert.Contains("linear", ex.Message);
        Assert.Contains("[2, 5]", ex.Message);
        Assert.Contains("[3, 4]", ex.Message);
    }
}
