using System.Buffers.Binary;
using System.Text;

namespace MedSsl.Data.Cache;

/// <summary>
/// The 64-byte header of a cache shard, followed by `Rows` images of C x H x W uint8 bytes (CHW order).
/// Little-endian: magic "MSSLIMG1", int32 C, H, W, reserved, int64 first row, int64 rows, 16 bytes of the
/// cache key (a shard of another cache is never mistaken for one of this), 8 reserved bytes.
/// </summary>
internal readonly record struct CacheShard(int Channels, int Height, int Width, long FirstRow, long Rows, byte[] KeyPrefix)
{
    public const int HeaderBytes = 64;
    static readonly byte[] Magic = Encoding.ASCII.GetBytes("MSSLIMG1");

    public long ImageBytes => (long)Channels * Height * Width;
    public long FileBytes => HeaderBytes + Rows * ImageBytes;

    public byte[] Encode()
    {
        var h = new byte[HeaderBytes];
        Magic.CopyTo(h, 0);
        BinaryPrimitives.WriteInt32LittleEndian(h.AsSpan(8), Channels);
        BinaryPrimitives.WriteInt32LittleEndian(h.AsSpan(12), Height);
        BinaryPrimitives.WriteInt32LittleEndian(h.AsSpan(16), Width);
        BinaryPrimitives.WriteInt64LittleEndian(h.AsSpan(24), FirstRow);
        BinaryPrimitives.WriteInt64LittleEndian(h.AsSpan(32), Rows);
        KeyPrefix.AsSpan(0, 16).CopyTo(h.AsSpan(40));
        return h;
    }

    /// <summary>Reads and checks a shard file's header against what the index expects.</summary>
    public static void Verify(string path, CacheShard expected)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new InvalidDataException($"{path}: cache shard is missing.");
        var h = new byte[HeaderBytes];
        using (var f = File.OpenRead(path))
            if (f.Read(h, 0, HeaderBytes) != HeaderBytes) throw new InvalidDataException($"{path}: cache shard is truncated.");
        if (!h.AsSpan(0, 8).SequenceEqual(Magic)) throw new InvalidDataException($"{path}: not a medssl image-cache shard.");
        if (!h.AsSpan().SequenceEqual(expected.Encode()))
            throw new InvalidDataException($"{path}: shard header does not match the cache index (a shard of another cache?).");
        if (info.Length != expected.FileBytes)
            throw new InvalidDataException($"{path}: shard holds {info.Length} bytes, expected {expected.FileBytes} (truncated?).");
    }
}
