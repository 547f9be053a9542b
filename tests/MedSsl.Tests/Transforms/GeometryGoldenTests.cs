using MedSsl.Transforms;

namespace MedSsl.Tests.Transforms;

/// <summary>Blur, rotation, crops, resize, normalise and equalisation against torchvision.</summary>
public class GeometryGoldenTests
{
    [Fact]
    public void Blur_with_a_sigma_per_sample_matches_torchvision()
    {
        using var scope = NewDisposeScope();
        var g = TransformGolden.Load("blur");
        g.Check("k5", GaussianBlur.gaussian_blur(g["x"], 5, g["sigma"]));
        g.Check("k3", GaussianBlur.gaussian_blur(g["x"], 3, g["sigma"]));
    }

    [Fact]
    public void Rotation_by_fixed_angles_matches_torchvision_on_a_non_square_batch()
    {
        using var scope = NewDisposeScope();
        var g = TransformGolden.Load("geometry");
        g.Check("rotated", Geometry.rotate(g["x"], g["angles"]));
        g.Check("rotated_fill", Geometry.rotate(g["x"], g["angles"], fill: 0.5));
    }

    [Fact]
    public void Whole_image_crop_equals_torchvision_resized_crop()
    {
        using var scope = NewDisposeScope();
        var g = TransformGolden.Load("geometry");
        var boxes = g["boxes"].to(torch.int64);
        var bicubic = Geometry.resized_crop(g["x"], boxes, 9, 11, "bicubic");
        var bilinear = Geometry.resized_crop(g["x"], boxes, 9, 11, "bilinear");
        // Box 0 is the whole image: every tap is inside or border-replicated, exactly as interpolate.
        TransformGolden.AssertClose(g["crops_bicubic"][0], bicubic[0], 1e-5, "bicubic whole image");
        TransformGolden.AssertClose(g["crops_bilinear"][0], bilinear[0], 1e-5, "bilinear whole image");
    }

    [Fact]
    public void Interior_crops_match_torchvision_away_from_the_box_edge()
    {
        using var scope = NewDisposeScope();
        var g = TransformGolden.Load("geometry");
        var boxes = g["boxes"].to(torch.int64);
        var bilinear = Geometry.resized_crop(g["x"], boxes, 9, 11, "bilinear");
        var bicubic = Geometry.resized_crop(g["x"], boxes, 9, 11, "bicubic");
        // At the box edge torchvision replicates the cut-out crop; the kit reads the real neighbours instead.
        for (var i = 1; i < 3; i++)
        {
            TransformGolden.AssertClose(g["crops_bilinear"][i, .., 2..^2, 2..^2], bilinear[i, .., 2..^2, 2..^2], 1e-5, $"bilinear box {i}");
            TransformGolden.AssertClose(g["crops_bicubic"][i, .., 2..^2, 2..^2], bicubic[i, .., 2..^2, 2..^2], 1e-5, $"bicubic box {i}");
        }
    }

    [Fact]
    public void Center_crops_match_torchvision()
    {
        using var scope = NewDisposeScope();
        var g = TransformGolden.Load("geometry");
        var gen = new Generator(1);
        g.Check("center_7x8", new CenterCrop(7, 8).Apply(g["x"], gen));
        g.Check("center_9x13", new CenterCrop(9, 13).Apply(g["x"], gen));
    }

    [Fact]
    public void Eval_preset_resize_and_normalize_match_torchvision()
    {
        using var scope = NewDisposeScope();
        var g = TransformGolden.Load("eval");
        var gen = new Generator(1);
        var x = g["x"];
        g.Check("eval32", Presets.Eval(32).Apply(x, gen));
        g.Check("shrunk12", new Resize(12, 12).Apply(x[.., .., ..20, ..20], gen));
        var shortSide = new Resize(6, interpolation: "bilinear").Apply(torch.rand(1, 3, 10, 16), gen);
        Assert.Equal(g["short_side_shape"].to(torch.int64).data<long>(), shortSide.shape[2..]);
        g.Check("normalized", Normalize.ImageNet().Apply(x[.., .., ..8, ..8], gen));
    }

    [Fact]
    public void Histogram_equalization_matches_torchvision_equalize_on_uint8_levels()
    {
        using var scope = NewDisposeScope();
        var g = TransformGolden.Load("equalize");
        var levels = g["x"].to(torch.uint8);
        var y = new Compose(new ToFloat(), new HistogramEqualization()).Apply(levels, new Generator(1));
        g.Check("out", y * 255, atol: 1e-3);
    }
}
