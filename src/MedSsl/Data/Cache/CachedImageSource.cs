using System.IO.MemoryMappedFiles;
using MedSsl.Torch;

namespace MedSsl.Data.Cache;

/// <summary>
/// Rows of a pre-resized image cache, read from memory-mapped shards: no decoding, no resampling, just a
/// copy of C x H x W bytes per row. Thread-safe; disposing it while loads are in flight is safe (the
/// mappings are released when the last load finishes).
/// </summary>
public sealed unsafe class CachedImageSource : IImageSource, IDisposable
{
    readonly CacheIndex index;
    readonly MemoryMappedFile[] files;
    readonly MemoryMappedViewAccessor[] views;

    internal CachedImageSource(string folder, CacheIndex index)
    {
        Folder = folder;
        this.index = index;
        files = new MemoryMappedFile[index.Shards.Length];
        views = new MemoryMappedViewAccessor[index.Shards.Length];
        try
        {
            for (int s = 0; s < files.Length; s++)
            {
                var path = Path.Combine(folder, index.Shards[s]);
                CacheShard.Verify(path, index.Shard(s));
                files[s] = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
                views[s] = files[s].CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The cache folder (index.json and shard-*.bin).</summary>
    public string Folder { get; }

    public int Count => index.Count;
    public int Channels => index.Channels;
    public int Height => index.Height;
    public int Width => index.Width;

    public string Describe(int row) => index.Rows[row];

    public Tensor Load(int row)
    {
        if ((uint)row >= (uint)index.Count)
            throw new ArgumentOutOfRangeException(nameof(row), $"Row {row} is outside the cache's {index.Count} rows.");
        int s = row / index.RowsPerShard;
        var view = views[s] ?? throw new ObjectDisposedException(nameof(CachedImageSource));
        long bytes = (long)index.Channels * index.Height * index.Width;
        var handle = view.SafeMemoryMappedViewHandle;
        byte* p = null;
        // AcquirePointer holds a reference on the mapping, so a concurrent Dispose cannot unmap it mid-copy.
        handle.AcquirePointer(ref p);
        try
        {
            var at = p + view.PointerOffset + CacheShard.HeaderBytes + (row - (long)s * index.RowsPerShard) * bytes;
            return Tensor.FromBytes(new ReadOnlySpan<byte>(at, checked((int)bytes)),
                new long[] { index.Channels, index.Height, index.Width }, ScalarType.Byte);
        }
        finally
        {
            handle.ReleasePointer();
        }
    }

    public override string ToString() => $"CachedImageSource({Count} rows, {Channels}x{Height}x{Width}, {Folder})";

    public void Dispose()
    {
        for (int s = 0; s < views.Length; s++)
        {
            views[s]?.Dispose();
            files[s]?.Dispose();
        }
    }
}
