using MedSsl.Transforms;

namespace MedSsl.Tests.Transforms;

/// <summary>Batched colour ops with one factor per sample against torchvision applied image by image.</summary>
public class ColorOpsGoldenTests
{
    readonly TransformGolden g = TransformGolden.Load("colour");

    [Fact]
    public void Brightness_contrast_saturation_match_torchvision_per_sample()
    {
        using var scope = NewDisposeScope();
        var x = g["x"];
        g.Check("brightness_out", ColorOps.adjust_brightness(x, g["brightness"]));
        g.Check("contrast_out", ColorOps.adjust_contrast(x, g["contrast"]));
        g.Check("saturation_out", ColorOps.adjust_saturation(x, g["saturation"]));
        g.Check("grayscale_out", ColorOps.rgb_to_grayscale(x));
    }

    [Fact]
    public void Hue_matches_torchvision_including_greys_primaries_and_ties()
    {
        using var scope = NewDisposeScope();
        g.Check("hue_out", ColorOps.adjust_hue(g["x"], g["hue"]), atol: 2e-6);
    }

    [Fact]
    public void Hue_is_periodic_and_zero_leaves_the_image()
    {
        using var scope = NewDisposeScope();
        var x = g["x"];
        TransformGolden.AssertClose(x, ColorOps.adjust_hue(x, 0.0), 2e-6, "hue 0");
        TransformGolden.AssertClose(ColorOps.adjust_hue(x, -0.5), ColorOps.adjust_hue(x, 0.5), 2e-6, "hue ±0.5");
    }

    [Fact]
    public void Grey_images_get_brightness_and_contrast_and_nothing_else()
    {
        using var scope = NewDisposeScope();
        var grey = g["grey"];
        var factors = g["contrast"].narrow(0, 0, 3);
        g.Check("grey_contrast_out", ColorOps.adjust_contrast(grey, factors));
        g.Check("grey_brightness_out", ColorOps.adjust_brightness(grey, g["brightness"].narrow(0, 0, 3)));
        Assert.True(ColorOps.adjust_saturation(grey, factors).equal(grey));
        Assert.True(ColorOps.adjust_hue(grey, torch.full(new[] { 3L }, 0.3)).equal(grey));
    }

    [Fact]
    public void Colour_ops_reject_two_channel_images_by_shape()
    {
        using var scope = NewDisposeScope();
        var ex = Assert.Throws<ArgumentException>(() => ColorOps.adjust_contrast(torch.rand(2, 2, 4, 4), 1.5));
        Assert.Contains("[2, 2, 4, 4]", ex.Message);
    }
}
