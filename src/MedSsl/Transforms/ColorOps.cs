using MedSsl.Torch;

namespace MedSsl.Transforms;

/// <summary>
/// Deterministic colour ops on a batch [B, C, H, W] in [0, 1] with one factor per sample (a [B] tensor, any
/// device), computing the same values as torchvision.transforms.functional on tensors (0.14): every op clips to
/// [0, 1]; grey images (C = 1) pass through saturation and hue unchanged.
/// </summary>
public static class ColorOps
{
    /// <summary>ITU-R 601-2 luma, 0.2989 R + 0.587 G + 0.114 B, as [B, 1, H, W] (a copy for grey input).</summary>
    public static Tensor rgb_to_grayscale(Tensor x)
    {
        RequireColourOrGrey(x, nameof(rgb_to_grayscale));
        if (x.size(1) == 1) return x.clone();
        var rgb = x.unbind(1);
        return (rgb[0] * 0.2989 + rgb[1] * 0.587 + rgb[2] * 0.114).unsqueeze(1);
    }

    /// <summary>x · factor (multiplicative, SimCLR v2's and torchvision's form), clipped.</summary>
    public static Tensor adjust_brightness(Tensor x, Tensor factor) =>
        (x * PerSample.Column(factor, x)).clamp_(0, 1);

    /// <summary>Blends each image with the mean of its grey version: mean + factor · (x − mean), clipped.</summary>
    public static Tensor adjust_contrast(Tensor x, Tensor factor)
    {
        RequireColourOrGrey(x, nameof(adjust_contrast));
        var mean = rgb_to_grayscale(x).mean(new long[] { 1, 2, 3 }, keepdim: true);
        return Blend(x, mean, PerSample.Column(factor, x));
    }

    /// <summary>Blends each image with its grey version: grey + factor · (x − grey), clipped.</summary>
    public static Tensor adjust_saturation(Tensor x, Tensor factor)
    {
        RequireColourOrGrey(x, nameof(adjust_saturation));
        if (x.size(1) == 1) return x;
        return Blend(x, rgb_to_grayscale(x), PerSample.Column(factor, x));
    }

    /// <summary>
    /// Rotates the hue by factor turns (factor in [−0.5, 0.5]); the same values as torchvision's RGB → HSV → RGB
    /// tensor path, computed without building HSV: a pixel's max V and spread V·S are kept, and each channel
    /// n ∈ (R 5, G 3, B 1) becomes V − V·S·clamp(min(k, 4 − k), 0, 1) with k = (n + 6·hue) mod 6.
    /// </summary>
    public static Tensor adjust_hue(Tensor x, Tensor factor)
    {
        RequireColourOrGrey(x, nameof(adjust_hue));
        if (x.size(1) == 1) return x;
        var c = x.unbind(1);
        var (r, g, b) = (c[0], c[1], c[2]);
        var max = x.amax(new long[] { 1 }, keepdim: true);
        var spread = max - x.amin(new long[] { 1 }, keepdim: true);                      // V·S, [B, 1, H, W]
        var divisor = spread.where(spread.gt(0), 1.0).squeeze(1);                         // grey: any hue will do
        // Hue in sixths of a turn: which channel is the max picks the sector pair (Pillow's rule, red first).
        var m = max.squeeze(1);
        var hue6 = torch.where(m.eq(r), (g - b) / divisor,
                   torch.where(m.eq(g), (b - r) / divisor + 2.0, (r - g) / divisor + 4.0));
        var shifted = hue6.unsqueeze(1) + PerSample.Column(factor, x) * 6.0;            // [B, 1, H, W]
        var k = (shifted + ChannelOffsets(x)).remainder_(6.0);                           // [B, 3, H, W]
        var ramp = torch.minimum(k, 4.0 - k).clamp_(0, 1);
        return (max - spread * ramp).clamp_(0, 1);
    }

    static Tensor ChannelOffsets(Tensor like) => torch.tensor(new double[] { 5, 3, 1 }, 1, 3, 1, 1).to(like.dtype, like.device);

    /// <summary>Convenience overloads: the same factor for every sample.</summary>
    public static Tensor adjust_brightness(Tensor x, double factor) => adjust_brightness(x, Same(x, factor));
    public static Tensor adjust_contrast(Tensor x, double factor) => adjust_contrast(x, Same(x, factor));
    public static Tensor adjust_saturation(Tensor x, double factor) => adjust_saturation(x, Same(x, factor));
    public static Tensor adjust_hue(Tensor x, double factor) => adjust_hue(x, Same(x, factor));

    // ratio·a + (1 − ratio)·b, clipped (torchvision's _blend), with the ratio per sample.
    static Tensor Blend(Tensor a, Tensor b, Tensor ratio) => (ratio * a + (1.0 - ratio) * b).clamp_(0, 1);

    static Tensor Same(Tensor x, double factor) => torch.full(new[] { x.size(0) }, factor, torch.float64);

    static void RequireColourOrGrey(Tensor x, string op)
    {
        if (x.dim() != 4 || (x.size(1) != 1 && x.size(1) != 3))
            throw new ArgumentException($"{op}: expected a batch [B, 1 or 3, H, W], got {Transform.Describe(x)}.");
    }
}
