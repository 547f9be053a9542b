using MedSsl.Torch;

namespace MedSsl.Data;

/// <summary>
/// Images held in managed memory as uint8 [N, C, H, W] (MedMNIST-size arrays, synthetic sets). Loading a
/// row copies it into a new tensor, so any number of threads can load at once.
/// </summary>
public sealed class ArrayImageSource : IImageSource
{
    readonly byte[] pixels;
    readonly string origin;

    /// <summary>Images from channel-first pixels; <paramref name="origin"/> names them in errors ("file.npz[train_images]").</summary>
    public ArrayImageSource(byte[] pixels, int count, int channels, int height, int width, string origin)
    {
        if (pixels.LongLength != (long)count * channels * height * width)
            throw new ArgumentException($"{origin}: {pixels.LongLength} bytes do not hold {count} images of [{channels}, {height}, {width}].");
        (this.pixels, this.origin) = (pixels, origin);
        (Count, Channels, Height, Width) = (count, channels, height, width);
    }

    /// <summary>
    /// Images from a uint8 tensor laid out like NumPy image arrays: [N, H, W] (grey) or [N, H, W, C]
    /// (channels last, C = 1, 3 or 4), as MedMNIST stores them.
    /// </summary>
    public static ArrayImageSource FromNumpy(Tensor images, string origin)
    {
        var shape = images.shape;
        if (images.dtype != ScalarType.Byte || shape.Length is not (3 or 4) || (shape.Length == 4 && shape[3] is not (1 or 3 or 4)))
            throw new DatasetException(origin, null, null,
                $"expected uint8 images [N, H, W] or [N, H, W, C] with C 1, 3 or 4, got {images.dtype.Name()} [{string.Join(", ", shape)}].");
        int n = (int)shape[0], h = (int)shape[1], w = (int)shape[2], c = shape.Length == 4 ? (int)shape[3] : 1;
        var hwc = images.bytes();
        if (c == 1) return new ArrayImageSource(hwc, n, 1, h, w, origin);
        var chw = new byte[hwc.Length];
        int plane = h * w, image = plane * c;
        for (int i = 0; i < n; i++)
            for (int p = 0; p < plane; p++)
                for (int ch = 0; ch < c; ch++)
                    chw[i * image + ch * plane + p] = hwc[i * image + p * c + ch];
        return new ArrayImageSource(chw, n, c, h, w, origin);
    }

    public int Count { get; }
    public int Channels { get; }
    public int Height { get; }
    public int Width { get; }

    /// <summary>One image's pixels [C, H, W] without a tensor (statistics, tests).</summary>
    public ReadOnlySpan<byte> Pixels(int row)
    {
        Check(row);
        int size = Channels * Height * Width;
        return pixels.AsSpan(row * size, size);
    }

    public Tensor Load(int row) => Tensor.FromBytes(Pixels(row), new long[] { Channels, Height, Width }, ScalarType.Byte);

    public string Describe(int row) => $"{origin}[{row}]";

    void Check(int row)
    {
        if ((uint)row >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(row), row, $"{origin} has {Count} images.");
    }
}
