using MedSsl.Torch;

namespace MedSsl.Transforms;

/// <summary>
/// Cuts the central region out of every sample, without resampling: either a fraction of each side (SimCLR's
/// evaluation <c>center_crop</c> keeps 0.875, aspect preserved) or a size in pixels (torchvision's CenterCrop).
/// Offsets are round((side − crop) / 2), as torchvision.
/// </summary>
public sealed class CenterCrop : Transform
{
    readonly double? fraction;
    readonly (int h, int w)? pixels;

    /// <summary>Keeps round(fraction · side) of each side (SimCLR eval: 0.875).</summary>
    public CenterCrop(double fraction = 0.875)
    {
        if (!(fraction > 0 && fraction <= 1))
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "CenterCrop: fraction must be in (0, 1].");
        this.fraction = fraction;
    }

    /// <summary>Keeps a height × width (default square) box in pixels.</summary>
    public CenterCrop(int size, int? width = null)
    {
        if (size <= 0 || width <= 0) throw new ArgumentOutOfRangeException(nameof(size), "CenterCrop: the crop size must be positive.");
        pixels = (size, width ?? size);
    }

    protected override Tensor Forward(Tensor x, Generator g)
    {
        long height = x.size(2), width = x.size(3);
        var (h, w) = pixels is { } p
            ? (p.h, p.w)
            : ((long)Math.Round(fraction!.Value * height, MidpointRounding.ToEven), (long)Math.Round(fraction.Value * width, MidpointRounding.ToEven));
        h = Math.Max(h, 1);
        w = Math.Max(w, 1);
        if (h > height || w > width)
            throw new ArgumentException($"{Name}: a {h}×{w} crop does not fit images of {Describe(x)}.");
        var top = (long)Math.Round((height - h) / 2.0, MidpointRounding.ToEven);
        var left = (long)Math.Round((width - w) / 2.0, MidpointRounding.ToEven);
        return x.narrow(2, top, h).narrow(3, left, w).contiguous();
    }

    public override string ToString() => pixels is { } p ? $"CenterCrop({p.h}, {p.w})" : $"CenterCrop(fraction={fraction})";
}
