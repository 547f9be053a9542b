using MedSsl.Torch;

namespace MedSsl.Data;

/// <summary>
/// Brings a decoded uint8 image [C, H, W] to 1 or 3 channels: grey is repeated to RGB, colour becomes
/// grey with the ITU-R 601 luma weights in Pillow's fixed-point form (its "L" mode), alpha is dropped.
/// </summary>
public static class ChannelConversion
{
    /// <summary>The image with <paramref name="channels"/> channels; returns the input itself when it already has them, else disposes it.</summary>
    public static Tensor To(Tensor image, int channels, string source)
    {
        var shape = image.shape;
        if (image.dtype != ScalarType.Byte || shape.Length != 3 || shape[0] is < 1 or > 4)
        {
            var got = $"{image.dtype.Name()} [{string.Join(", ", shape)}]";
            image.Dispose();
            throw new InvalidDataException($"{source}: the decoder returned {got}, expected uint8 [C, H, W] with C 1 to 4.");
        }
        int c = (int)shape[0];
        if (c == channels) return image;
        int plane = (int)(shape[1] * shape[2]);
        var input = image.bytes();
        image.Dispose();
        var output = new byte[channels * plane];
        bool colour = c >= 3;
        for (int p = 0; p < plane; p++)
        {
            byte grey = colour
                ? (byte)((19595 * input[p] + 38470 * input[plane + p] + 7471 * input[2 * plane + p] + 0x8000) >> 16)
                : input[p];
            for (int ch = 0; ch < channels; ch++)
                output[ch * plane + p] = channels == 1 ? grey : colour ? input[ch * plane + p] : grey;
        }
        return Tensor.FromBytes(output, new long[] { channels, shape[1], shape[2] }, ScalarType.Byte);
    }
}
