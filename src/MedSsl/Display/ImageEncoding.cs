using MedSsl.Torch;

namespace MedSsl.Display;

/// <summary>
/// How image displays turn pixels into PNG bytes: a uint8 CPU tensor [C, H, W] (C = 1 grey or 3 RGB) in,
/// a PNG file's bytes out. The kit points it at torchvision.io.encode_png (libpng in the native shim).
/// </summary>
public static class ImageEncoding
{
    // The one line the encoder wiring changes: `= torchvision.io.encode_png;`.
    static Func<Tensor, byte[]> png = NoEncoder;

    public static Func<Tensor, byte[]> Png
    {
        get => png;
        set => png = value ?? throw new ArgumentNullException(nameof(value), "ImageEncoding.Png cannot be null.");
    }

    static byte[] NoEncoder(Tensor image) => throw new InvalidOperationException(
        "No PNG encoder is set: assign ImageEncoding.Png (the kit sets it to torchvision.io.encode_png).");
}
