using F = MedSsl.Torch.torch.nn.functional;

namespace MedSsl.Torch.Tests.NN;

public class FunctionalPoolTests
{
    [Fact]
    public void Max_pool2d_matches_pytorch_with_gradient()
    {
        using var scope = NewDisposeScope();
        var g = Golden.Load("pooling");
        var x = g.Get("x", true);
        var y = F.max_pool2d(x, 3, stride: 2, padding: 1);
        g.Check("max", y);
        y.backward(g["max_gy"]);
        g.Check("max_gx", x.grad!);
        g.Check("max_ceil", F.max_pool2d(x, 2, ceil_mode: true));
    }

    [Fact]
    public void Avg_pool2d_matches_pytorch_with_gradient()
    {
        using var scope = NewDisposeScope();
        var g = Golden.Load("pooling");
        var x = g.Get("x", true);
        var y = F.avg_pool2d(x, 3, stride: 2, padding: 1, count_include_pad: false);
        g.Check("avg", y);
        y.backward(g["avg_gy"]);
        g.Check("avg_gx", x.grad!);
        g.Check("avg_div", F.avg_pool2d(x, 2, divisor_override: 3));
    }

    [Fact]
    public void Adaptive_pools_match_pytorch()
    {
        using var scope = NewDisposeScope();
        var g = Golden.Load("pooling");
        var x = g.Get("x2", true);
        var y = F.adaptive_avg_pool2d(x, (3, 2));
        g.Check("adaptive", y);
        y.backward(g["adaptive_gy"]);
        g.Check("adaptive_gx", x.grad!);
        g.Check("adaptive_max", F.adaptive_max_pool2d(x, 2));
    }

    [Fact]
    public void Pool_with_too_large_padding_raises_torch_exception()
    {
        using var scope = NewDisposeScope();
        var ex = Assert.Throws<TorchException>(() => F.max_pool2d(torch.randn(1, 1, 4, 4), 2, padding: 3));
        Assert.Contains("max_pool2d", ex.Message);
        Assert.Contains("[1, 1, 4, 4]", ex.Message);
    }
}
