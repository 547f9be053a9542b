using MedSsl.Torch;

namespace MedSsl.Data.Images;

/// <summary>
/// Decodes JPEG and PNG bytes in native code (libjpeg-turbo, libpng) into uint8 [C, H, W] tensors with a
/// fixed channel count, optionally resized to a fixed size in the same call: JPEGs are then decoded at
/// 1/2, 1/4 or 1/8 scale in the DCT domain while that leaves at least <see cref="ReducingGap"/> times the
/// size, and resampled the rest of the way with an antialiased bilinear filter. Thread-safe; errors name
/// the source.
/// </summary>
public sealed class NativeImageDecoder
{
    /// <param name="mode">GRAY (1 channel) or RGB (3 channels): a source needs one channel count for every row.</param>
    /// <param name="size">Output (height, width), or null to keep each image's own size.</param>
    /// <param name="fit">How an image of another aspect ratio maps onto <paramref name="size"/>.</param>
    /// <param name="reducingGap">See <see cref="torchvision.io.decode_image(ReadOnlySpan{byte}, ImageReadMode, ValueTuple{int, int}?, ResizeFit, double?)"/>:
    /// null decodes JPEGs at full size (pixels equal to decode-then-resize), 1 is fastest.</param>
    public NativeImageDecoder(ImageReadMode mode = ImageReadMode.RGB, (int Height, int Width)? size = null,
                              ResizeFit fit = ResizeFit.Stretch, double? reducingGap = torchvision.io.DefaultReducingGap)
    {
        if (mode is not (ImageReadMode.GRAY or ImageReadMode.RGB))
            throw new ArgumentException($"NativeImageDecoder needs GRAY or RGB (a fixed channel count), got {mode}.", nameof(mode));
        if (size is { } s && (s.Height <= 0 || s.Width <= 0))
            throw new ArgumentOutOfRangeException(nameof(size), $"The output size must be positive, got ({s.Height}, {s.Width}).");
        if (reducingGap is { } g && !(g >= 1))
            throw new ArgumentOutOfRangeException(nameof(reducingGap), $"reducingGap must be at least 1 (or null), got {g}.");
        Mode = mode;
        Size = size;
        Fit = fit;
        ReducingGap = reducingGap;
    }

    public ImageReadMode Mode { get; }
    public (int Height, int Width)? Size { get; }
    public ResizeFit Fit { get; }
    public double? ReducingGap { get; }

    /// <summary>Channels of every decoded image: 1 for GRAY, 3 for RGB.</summary>
    public int Channels => Mode == ImageReadMode.GRAY ? 1 : 3;

    /// <summary>The image as uint8 [C, H, W], owned by the caller. Corrupt, truncated or unsupported bytes
    /// raise InvalidDataException whose message starts with <paramref name="source"/>.</summary>
    public Tensor Decode(ReadOnlySpan<byte> bytes, string source)
    {
        try
        {
            return torchvision.io.decode_image(bytes, Mode, Size is { } s ? (s.Height, s.Width) : null, Fit, ReducingGap);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{source}: {e.Message}", e);
        }
    }

    public override string ToString() =>
        $"NativeImageDecoder({Mode}{(Size is { } s ? $", {s.Height}x{s.Width} {Fit}, reducing gap {ReducingGap?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}" : "")})";
}
