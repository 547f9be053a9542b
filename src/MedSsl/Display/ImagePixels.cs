using MedSsl.Torch;

namespace MedSsl.Display;

/// <summary>
/// An image's pixels copied out of a tensor as uint8 [C, H, W], so a display object never holds a tensor
/// that a dispose scope might free before the front end asks for the bundle.
/// </summary>
public sealed class ImagePixels
{
    // Interpolating augmentations (bicubic resize, rotation) overshoot [0, 1] a little; beyond this the
    // image is most likely still normalised, and clipping it would show something misleading.
    const double Overshoot = 0.1;

    public ImagePixels(int channels, int height, int width, byte[] data)
    {
        if (channels is not (1 or 3)) throw new ArgumentException($"Images have 1 (grey) or 3 (RGB) channels; got {channels}.");
        if (data.Length != channels * height * width)
            throw new ArgumentException($"{data.Length} bytes do not fill a {channels}×{height}×{width} image.");
        (Channels, Height, Width, Data) = (channels, height, width, data);
    }

    public int Channels { get; }
    public int Height { get; }
    public int Width { get; }

    /// <summary>Row-major [C, H, W] bytes.</summary>
    public byte[] Data { get; }

    /// <summary>
    /// One image from [C, H, W] or [H, W]: uint8 as is, float in [0, 1] scaled to 0..255 with rounding
    /// (torchvision's save_image). A float image far outside [0, 1] is refused with its range: un-normalise it first.
    /// </summary>
    public static ImagePixels FromTensor(Tensor image, string what = "image")
    {
        var shape = image.shape;
        if (shape.Length == 2) shape = new[] { 1L, shape[0], shape[1] };
        if (shape.Length != 3 || shape[0] is not (1 or 3))
        {
            // MedMNIST .npz arrays are [N, H, W, C]: the commonest wrong layout, worth naming.
            var hint = shape.Length == 3 && shape[2] is (1 or 3) ? " It looks channels-last: use image.permute(2, 0, 1)." : "";
            throw new ArgumentException($"{what}: expected [C, H, W] with C = 1 or 3, or [H, W]; got shape [{string.Join(", ", image.shape)}].{hint}");
        }
        int c = (int)shape[0], h = (int)shape[1], w = (int)shape[2];
        using var d = image.detach();
        if (image.dtype == ScalarType.Byte) return new(c, h, w, d.data<byte>());
        if (!image.is_floating_point())
            throw new ArgumentException($"{what}: images are uint8 (0..255) or float (0..1); got {image.dtype}.");
        using var f = d.to(ScalarType.Float32);
        var v = f.data<float>();
        float lo = v.Length == 0 ? 0 : v.Min(), hi = v.Length == 0 ? 0 : v.Max();
        if (float.IsNaN(lo) || float.IsNaN(hi))
            throw new ArgumentException($"{what}: the image has NaN values.");
        if (lo < -Overshoot || hi > 1 + Overshoot)
            throw new ArgumentException(
                $"{what}: float images must lie in [0, 1]; this one spans [{lo:0.###}, {hi:0.###}]. If it is normalised, undo it first (x * std + mean).");
        var bytes = new byte[v.Length];
        for (int i = 0; i < v.Length; i++) bytes[i] = (byte)Math.Clamp(v[i] * 255f + 0.5f, 0f, 255f);
        return new(c, h, w, bytes);
    }

    /// <summary>Each pixel repeated factor × factor times (nearest neighbour: 28-px images stay sharp).</summary>
    public ImagePixels Upscale(int factor)
    {
        if (factor < 1) throw new ArgumentException($"Upscale factor must be at least 1; got {factor}.");
        if (factor == 1) return this;
        int h = Height * factor, w = Width * factor;
        var outp = new byte[Channels * h * w];
        for (int c = 0; c < Channels; c++)
            for (int y = 0; y < h; y++)
            {
                int src = (c * Height + y / factor) * Width, dst = (c * h + y) * w;
                for (int x = 0; x < w; x++) outp[dst + x] = Data[src + x / factor];
            }
        return new(Channels, h, w, outp);
    }

    /// <summary>Grey repeated into R, G and B (to sit in an RGB grid next to colour images).</summary>
    public ImagePixels ToRgb() =>
        Channels == 3 ? this : new(3, Height, Width, Enumerable.Repeat(Data, 3).SelectMany(b => b).ToArray());

    /// <summary>Encodes with <see cref="ImageEncoding.Png"/>.</summary>
    public byte[] ToPng()
    {
        using var t = Tensor.FromBytes(Data, new long[] { Channels, Height, Width }, ScalarType.Byte);
        return ImageEncoding.Png(t);
    }
}
