using MedSsl.Torch;

namespace MedSsl.Data;

/// <summary>
/// Images in encoded files (JPEG, PNG), decoded on each load by an <see cref="IImageDecoder"/> and brought
/// to a fixed channel count (1 grey or 3 RGB): real folders mix grey and colour files (Imagenette has
/// 242 grey JPEGs among its RGB ones).
/// </summary>
public sealed class FileImageSource : IImageSource
{
    readonly string[] paths;
    readonly IImageDecoder? decoder;

    /// <summary>Files by row. Without a decoder the source still describes and counts its files but cannot load them.</summary>
    public FileImageSource(IReadOnlyList<string> paths, int channels, IImageDecoder? decoder)
    {
        if (channels is not (1 or 3)) throw new ArgumentOutOfRangeException(nameof(channels), channels, "1 (grey) or 3 (RGB)");
        this.paths = paths.ToArray();
        this.decoder = decoder;
        Channels = channels;
    }

    public int Count => paths.Length;
    public int Channels { get; }

    /// <summary>The file of each row.</summary>
    public IReadOnlyList<string> Paths => paths;

    public Tensor Load(int row)
    {
        var path = paths[row];
        if (decoder == null)
            throw new InvalidOperationException(
                $"Cannot load {path}: this dataset was read without an image decoder; pass one (the image pipeline's) in ReadOptions.Decoder.");
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new FileNotFoundException($"Image of row {row} is missing: {path}", path, e);
        }
        return ChannelConversion.To(decoder.Decode(bytes, path), Channels, path);
    }

    public string Describe(int row) => paths[row];
}
