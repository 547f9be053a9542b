using F = MedSsl.Torch.torch.nn.functional;

namespace MedSsl.Torch.Tests.NN;

public class FunctionalResizeTests
{
    [Fact]
    public void Bilinear_interpolate_matches_pytorch_with_gradient()
    {
        using var scope = NewDisposeScope();
        var g = Golden.Load("interpolate");
        var x = g.Get("x", true);
        var y = F.interpolate(x, size: (7, 9), mode: "bilinear", align_corners: false);
        g.Check("bilinear", y);
        y.backward(g["bilinear_gy"]);
        g.Check("bilinear_gx", x.grad!);
    }

    [Fact]
    public void Interpolate_modes_and_scale_factors_match_pytorch()
    {
        using var scope = NewDisposeScope();
        var g = Golden.Load("interpolate");
        var x = g["x"];
        g.Check("bilinear_ac_scale", F.interpolate(x, scale_factor: 1.5, mode: "bilinear", align_corners: true));
        g.Check("bilinear_scale", F.interpolate(x, scale_factor: 1.7, mode: "bilinear"));
        g.Check("bilinear_recompute", F.interpolate(x, scale_factor: 1.7, mode: "bilinear", recompute_scale_factor: true));
        g.Check("bilinear_aa", F.interpolate(x, size: (2, 3), mode: "bilinear", antialias: true));
        g.Check("bicubic", F.interpolate(x, scale_factor: 2, mode: "bicubic"));
        g.Check("bicubic_aa", F.interpolate(x, size: (3, 2), mode: "bicubic", align_corners: true, antialias: true));
        g.Check("nearest", F.interpolate(x, size: (3, 7)));
        g.Check("nearest_scale", F.interpolate(x, scale_factor: (2.0, 1.5)));
        g.Check("nearest_exact", F.interpolate(x, size: (3, 7), mode: "nearest-exact"));
    }

    [Fact]
    public void Interpolate_rejects_bad_arguments_with_reasons()
    {
        using var scope = NewDisposeScope();
        var x = torch.randn(1, 1, 4, 4);
        Assert.Contains("exactly one", Assert.Throws<ArgumentException>(() => F.interpolate(x)).Message);
        Assert.Contains("align_corners", Assert.Throws<ArgumentException>(() => F.interpolate(x, size: 2, align_corners: true)).Message);
        Assert.Contains("antialias", Assert.Throws<ArgumentException>(() => F.interpolate(x, size: 2, antialias: true)).Message);
        Assert.Contains("area", Assert.Throws<ArgumentException>(() => F.interpolate(x, size: 2, mode: "area")).Message);
        Assert.Contains("4-D", Assert.Throws<ArgumentException>(() => F.interpolate(torch.randn(4, 4), size: 2)).Message);
    }

    [Fact]
    public void Pad_modes_match_pytorch()
    {
        using var scope = NewDisposeScope();
        var g = Golden.Load("pad");
        var x = g["x"];
        g.Check("constant", F.pad(x, new long[] { 1, 2, 0, 1 }, value: 0.5));
        g.Check("reflect", F.pad(x, new long[] { 2, 1, 1, 2 }, "reflect"));
        g.Check("replicate", F.pad(x, new long[] { 2, 1, 1, 2 }, "replicate"));
        g.Check("circular", F.pad(x, new long[] { 2, 1, 1, 2 }, "circular"));
        Assert.Throws<ArgumentException>(() => F.pad(x, new long[] { 1 }));
        Assert.Throws<ArgumentException>(() => F.pad(x, new long[] { 1, 1 }, "mirror"));
        var ex = Assert.Throws<TorchException>(() => F.pad(x, new long[] { 9, 9 }, "reflect"));
        Assert.Contains("pad", ex.Message);
    }
}
