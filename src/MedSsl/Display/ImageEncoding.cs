using MedSsl.Torch;

namespace MedSsl.Display;

/// <summary>
/// How image displays turn pixels into PNG bytes: a uint8 CPU tensor [C, H, W] (C = 1 grey or 3 RGB) in,
/// a PNG file's bytes out. The kit points it at torchvision.io.encode_png (libpng in the native shim).
/// </summary>
public static class ImageEncoding
{
    static Func<Tensor, byte[]> png = Libpng;

    public static Func<Tensor, byte[]> Png
    {
        get => png;
        set => png = value ?? throw new ArgumentNullException(nameof(value), "ImageEncoding.Png cannot be null.");
    }

    static byte[] Libpng(Tensor image)
    {
        using var bytes = torchvision.io.encode_png(image);
        return bytes.bytes();
    }
}
