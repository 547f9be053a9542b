using System.Buffers;
using MedSsl.Torch;

namespace MedSsl.Data.Images;

/// <summary>
/// The simplest image source: a list of JPEG/PNG files, decoded on demand by a <see cref="NativeImageDecoder"/>.
/// Thread-safe (loader workers call <see cref="Load"/> concurrently). Row i is paths[i].
/// </summary>
public sealed class ImageFilesSource : IImageSource
{
    static readonly string[] Extensions = { ".jpg", ".jpeg", ".png" };
    readonly string[] paths;
    readonly NativeImageDecoder decoder;

    public ImageFilesSource(IEnumerable<string> paths, NativeImageDecoder decoder)
    {
        this.paths = paths.ToArray();
        this.decoder = decoder;
    }

    /// <summary>Every .jpg/.jpeg/.png file under a folder (recursively), in ordinal path order.</summary>
    public static ImageFilesSource FromFolder(string folder, NativeImageDecoder decoder)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"Image folder '{folder}' does not exist.");
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .OrderBy(f => f, StringComparer.Ordinal);
        return new ImageFilesSource(files, decoder);
    }

    public int Count => paths.Length;
    public int Channels => decoder.Channels;
    public NativeImageDecoder Decoder => decoder;
    public IReadOnlyList<string> Paths => paths;

    public string Describe(int row) => paths[row];

    /// <summary>Names the decoder settings too: a cache keys on them (another size or mode, other pixels).</summary>
    public override string ToString() => $"ImageFilesSource({paths.Length} files, {decoder})";

    public Tensor Load(int row)
    {
        var path = paths[row];
        using var file = File.OpenHandle(path);
        var length = RandomAccess.GetLength(file);
        if (length > int.MaxValue) throw new InvalidDataException($"{path}: {length} bytes is too large for an image.");
        // Pooled buffers: a file's bytes live only for the decode call.
        var buffer = ArrayPool<byte>.Shared.Rent((int)length);
        try
        {
            int read = 0, n;
            while (read < length && (n = RandomAccess.Read(file, buffer.AsSpan(read, (int)length - read), read)) > 0) read += n;
            return decoder.Decode(buffer.AsSpan(0, read), path);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
