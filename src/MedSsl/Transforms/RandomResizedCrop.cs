using MedSsl.Torch;

namespace MedSsl.Transforms;

/// <summary>
/// A random crop of random area and aspect ratio per sample, resized to the output size (SimCLR App. A: area
/// 0.08–1 of the image, aspect 3/4–4/3, bicubic; applied with p = 1). Boxes follow torchvision's sampler (ten
/// tries, else a centre crop at the nearest allowed aspect). SimCLR's TF sampler also asks that the box cover
/// ≥ 10% of the image and tries 100 times; the kit keeps torchvision's 0.08 lower bound, as lightly does.
/// All boxes of a batch are cut and resized together (see <see cref="Geometry.resized_crop"/>).
/// </summary>
public sealed class RandomResizedCrop : Transform
{
    const int Tries = 10;

    public int Height { get; }
    public int Width { get; }
    public (double Min, double Max) Scale { get; }
    public (double Min, double Max) Ratio { get; }
    public string Interpolation { get; }

    public RandomResizedCrop(int size, (double, double)? scale = null, (double, double)? ratio = null, string interpolation = "bicubic")
        : this(size, size, scale, ratio, interpolation) { }

    public RandomResizedCrop(int height, int width, (double, double)? scale = null, (double, double)? ratio = null,
                             string interpolation = "bicubic")
    {
        if (height <= 0 || width <= 0) throw new ArgumentOutOfRangeException(nameof(height), $"RandomResizedCrop: size must be positive, got {height}×{width}.");
        Scale = scale ?? (0.08, 1.0);
        Ratio = ratio ?? (3.0 / 4, 4.0 / 3);
        if (!(Scale.Min > 0 && Scale.Min <= Scale.Max && Scale.Max <= 1))
            throw new ArgumentOutOfRangeException(nameof(scale), $"RandomResizedCrop: scale must satisfy 0 < min ≤ max ≤ 1, got {Scale}.");
        if (!(Ratio.Min > 0 && Ratio.Min <= Ratio.Max))
            throw new ArgumentOutOfRangeException(nameof(ratio), $"RandomResizedCrop: ratio must satisfy 0 < min ≤ max, got {Ratio}.");
        if (interpolation is not ("bicubic" or "bilinear"))
            throw new ArgumentException($"RandomResizedCrop: interpolation \"{interpolation}\" is unknown; use bicubic or bilinear.");
        (Height, Width, Interpolation) = (height, width, interpolation);
    }

    protected override Tensor Forward(Tensor x, Generator g)
    {
        var boxes = SampleBoxes(g, x.size(0), x.size(2), x.size(3), Scale, Ratio);
        return Geometry.resized_crop(x, boxes, Height, Width, Interpolation);
    }

    /// <summary>
    /// n crop boxes for an image of height × width as int64 [n, 4] = (top, left, box height, box width), drawn
    /// as torchvision's <c>RandomResizedCrop.get_params</c> does, for all samples at once.
    /// </summary>
    public static Tensor SampleBoxes(Generator g, long n, long height, long width, (double Min, double Max) scale,
                                     (double Min, double Max) ratio)
    {
        using var scope = torch.NewDisposeScope();
        double area = height * width;
        var target = PerSample.Uniform(g, n * Tries, scale.Min, scale.Max).view(n, Tries) * area;
        var aspect = PerSample.Uniform(g, n * Tries, Math.Log(ratio.Min), Math.Log(ratio.Max)).view(n, Tries).exp_();
        var w = (target * aspect).sqrt_().round_();
        var h = (target / aspect).sqrt_().round_();
        var fits = w.gt(0) & w.le(width) & h.gt(0) & h.le(height);
        var first = fits.to(torch.int64).argmax(1, keepdim: true);     // the first try that fits
        var found = fits.any(1);
        var (fh, fw) = Fallback(height, width, ratio);
        var boxH = h.gather(1, first).squeeze(1).where(found, fh);
        var boxW = w.gather(1, first).squeeze(1).where(found, fw);
        var u = torch.rand(new[] { n, 2L }, torch.float64, generator: g);
        // Uniform offset in [0, side − box] for a found box, centred (floor) for the fallback.
        var top = (u.select(1, 0) * (height - boxH + 1)).floor_().where(found, Math.Floor((height - fh) / 2.0));
        var left = (u.select(1, 1) * (width - boxW + 1)).floor_().where(found, Math.Floor((width - fw) / 2.0));
        return torch.stack(new[] { top, left, boxH, boxW }, 1).to(torch.int64).MoveToOuterDisposeScope();
    }

    // torchvision: the whole image when its aspect is allowed, else the largest centred box at the nearest bound.
    static (double h, double w) Fallback(long height, long width, (double Min, double Max) ratio)
    {
        double inRatio = (double)width / height;
        if (inRatio < ratio.Min) return (Math.Round(width / ratio.Min, MidpointRounding.ToEven), width);
        if (inRatio > ratio.Max) return (height, Math.Round(height * ratio.Max, MidpointRounding.ToEven));
        return (height, width);
    }

    public override string ToString() =>
        $"RandomResizedCrop(size=({Height}, {Width}), scale={Scale}, ratio=({Ratio.Min:0.####}, {Ratio.Max:0.####}), {Interpolation})";
}
