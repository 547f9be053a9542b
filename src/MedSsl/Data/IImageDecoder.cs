using MedSsl.Torch;

namespace MedSsl.Data;

/// <summary>
/// Turns the bytes of one encoded image file (JPEG, PNG) into a uint8 tensor [C, H, W] with the channels
/// the file holds (1 grey, 3 RGB, 4 RGBA). The image pipeline's native decoder implements it; datasets that
/// read files take one and convert channels themselves. Must be safe to call from several threads at once.
/// </summary>
public interface IImageDecoder
{
    /// <summary>Decodes <paramref name="bytes"/>; <paramref name="source"/> names the file in error messages.</summary>
    Tensor Decode(ReadOnlySpan<byte> bytes, string source);
}
