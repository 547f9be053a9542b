using MedSsl.Data.Loading;
using MedSsl.Torch;
using static MedSsl.Torch.torchvision.transforms;

namespace MedSsl.Data.Cache;

/// <summary>
/// Pre-resized copies of a source's images on disk, so that epochs after the first never decode again.
/// A cache is a folder named after the size and a key of the source (see <see cref="CacheKey"/>): shards of
/// raw CHW uint8 rows behind a small header, plus index.json written last. Every file is written to a
/// temporary name and renamed, so an interrupted build leaves no half-written shard under a real name, and
/// a rerun resumes from the shards already complete.
/// </summary>
public static class ImageCache
{
    /// <summary>Shards of at most this many bytes (plenty of rows, small enough to rebuild one quickly).</summary>
    const long ShardBytes = 256L << 20;

    /// <summary>
    /// Opens the cache of <paramref name="source"/> at height x width under <paramref name="root"/>,
    /// building what is missing first (decoding with <paramref name="threads"/> threads; 0 = every core).
    /// <paramref name="name"/> is a readable prefix of the cache folder ("imagenette-train"); the key follows it.
    /// <paramref name="rowsPerShard"/>: images per shard file (0: as many as fit in 256 MiB).
    /// <paramref name="progress"/> hears the number of rows cached so far.
    /// </summary>
    public static CachedImageSource OpenOrBuild(IImageSource source, string root, int height, int width,
                                                ResizeFit fit = ResizeFit.Stretch, int threads = 0, string name = "images",
                                                int rowsPerShard = 0, IProgress<int>? progress = null)
    {
        if (height <= 0 || width <= 0)
            throw new ArgumentOutOfRangeException(nameof(height), $"The cached size must be positive, got {height}x{width}.");
        var key = Convert.ToHexString(CacheKey.Compute(source, height, width, fit)).ToLowerInvariant();
        var folder = Path.Combine(root, $"{name}-{height}x{width}-{fit.ToString().ToLowerInvariant()}-{key[..16]}");
        if (!File.Exists(Path.Combine(folder, CacheIndex.FileName)))
            Build(source, folder, key, height, width, fit, threads > 0 ? threads : Environment.ProcessorCount, rowsPerShard, progress);
        return Open(folder);
    }

    /// <summary>Opens a complete cache folder (one that has its index.json).</summary>
    public static CachedImageSource Open(string folder)
    {
        if (!File.Exists(Path.Combine(folder, CacheIndex.FileName)))
            throw new FileNotFoundException($"'{folder}' is not a complete image cache (no {CacheIndex.FileName}).");
        return new CachedImageSource(folder, CacheIndex.Read(folder));
    }

    static void Build(IImageSource source, string folder, string key, int height, int width, ResizeFit fit, int threads,
                      int rowsPerShard, IProgress<int>? progress)
    {
        Directory.CreateDirectory(folder);
        long imageBytes = (long)source.Channels * height * width;
        int perShard = rowsPerShard > 0 ? rowsPerShard : (int)Math.Clamp(ShardBytes / imageBytes, 1, int.MaxValue);
        var index = new CacheIndex
        {
            Key = key, Count = source.Count, Channels = source.Channels, Height = height, Width = width,
            Fit = fit.ToString(), RowsPerShard = perShard,
            Shards = Enumerable.Range(0, (source.Count + perShard - 1) / perShard).Select(s => $"shard-{s:D5}.bin").ToArray(),
            Rows = Enumerable.Range(0, source.Count).Select(source.Describe).ToArray(),
        };
        int done = 0;
        for (int s = 0; s < index.Shards.Length; s++)
        {
            var path = Path.Combine(folder, index.Shards[s]);
            var shard = index.Shard(s);
            if (!IsComplete(path, shard)) WriteShard(source, path, shard, fit, threads);
            progress?.Report(done += (int)shard.Rows);
        }
        index.Write(folder);
    }

    static bool IsComplete(string path, CacheShard shard)
    {
        try
        {
            CacheShard.Verify(path, shard);
            return true;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>Loads the shard's rows in order with an <see cref="ImageLoader"/> (parallel decode, errors
    /// naming the row's file) and streams them into a temporary file, renamed when complete.</summary>
    static void WriteShard(IImageSource source, string path, CacheShard shard, ResizeFit fit, int threads)
    {
        var rows = new RowRange(source, shard.FirstRow, (int)shard.Rows);
        var options = new LoaderOptions { Workers = threads, Transform = (img, _) => Fit(img, shard.Height, shard.Width, fit) };
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
            {
                file.Write(shard.Encode());
                using var loader = new ImageLoader(rows, new SupervisedSampler(rows.Count, 64, shuffle: false), options);
                foreach (var batch in loader.Epoch(0))
                    file.Write(batch.Images.AsSpan<byte>());
                file.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>The image at exactly height x width: as is, stretched, or its centre crop resized.</summary>
    internal static Tensor Fit(Tensor img, int height, int width, ResizeFit fit)
    {
        if (img.dtype != ScalarType.Byte || img.dim() != 3)
            throw new InvalidDataException($"The source gave {img.shape.Length}-d {img.dtype} data; an image cache needs uint8 [C, H, W].");
        long h = img.size(1), w = img.size(2);
        if (h == height && w == width) return img;
        if (fit == ResizeFit.Stretch) return functional.resize(img, height, width);
        // Largest centred crop with the target's aspect ratio, in whole pixels (torchvision's center_crop rounding).
        long ch = h, cw = w;
        if (w * height > h * width) cw = (long)Math.Round((double)h * width / height);
        else ch = (long)Math.Round((double)w * height / width);
        return functional.resized_crop(img, (int)((h - ch) / 2), (int)((w - cw) / 2), (int)ch, (int)cw, height, width);
    }

    /// <summary>A window of rows of a source (one shard's worth).</summary>
    sealed class RowRange(IImageSource source, long first, int count) : IImageSource
    {
        public int Count => count;
        public int Channels => source.Channels;
        public Tensor Load(int row) => source.Load((int)(first + row));
        public string Describe(int row) => source.Describe((int)(first + row));
    }
}
