using MedSsl.Data;
using MedSsl.Data.Cache;
using MedSsl.Data.Images;
using MedSsl.Data.Loading;
using static MedSsl.Torch.torchvision.transforms;

namespace MedSsl.Tests.Data;

/// <summary>The preprocessed cache: same pixels as decoding and resizing, reused across runs, keyed by its
/// source, resumable after an interrupted build, and loud about damaged shards.</summary>
public sealed class CacheTests : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("medssl-cache-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    /// <summary>Rows made by a function (non-square gradients for the crop test).</summary>
    sealed class FuncSource(int count, Func<int, Tensor> make) : IImageSource
    {
        public int Count => count;
        public int Channels => 1;
        public Tensor Load(int row) => make(row);
        public string Describe(int row) => $"func/{row}";
    }

    [Fact]
    public void Cached_rows_equal_decoding_then_resizing()
    {
        var source = new ImageFilesSource(ImageTestData.DermaFiles(30), new NativeImageDecoder());
        using var cache = ImageCache.OpenOrBuild(source, root, 16, 20, threads: 2, rowsPerShard: 7);
        Assert.Equal((30, 3, 16, 20), (cache.Count, cache.Channels, cache.Height, cache.Width));
        Assert.Equal(5, Directory.GetFiles(cache.Folder, "shard-*.bin").Length);
        for (int row = 0; row < 30; row++)
        {
            using var image = source.Load(row);
            using var expected = functional.resize(image, 16, 20);
            using var cached = cache.Load(row);
            Assert.Equal(expected.data<byte>(), cached.data<byte>());
            Assert.Equal(source.Describe(row), cache.Describe(row));
        }
        Assert.Empty(Directory.GetFiles(cache.Folder, "*.tmp"));
    }

    [Fact]
    public void Opening_again_reads_nothing_from_the_source()
    {
        using (ImageCache.OpenOrBuild(new SyntheticSource(40, size: 6), root, 6, 6, rowsPerShard: 16)) { }
        var again = new SyntheticSource(40, size: 6);
        using var cache = ImageCache.OpenOrBuild(again, root, 6, 6, rowsPerShard: 16);
        Assert.Equal(0, again.Loads);
        using var row = cache.Load(33);
        Assert.All(row.data<byte>(), v => Assert.Equal(33, v));
    }

    [Fact]
    public void Another_source_or_size_gets_another_cache()
    {
        using var a = ImageCache.OpenOrBuild(new SyntheticSource(10), root, 4, 4);
        using var b = ImageCache.OpenOrBuild(new SyntheticSource(11), root, 4, 4);
        using var c = ImageCache.OpenOrBuild(new SyntheticSource(10), root, 2, 2);
        var files = ImageTestData.DermaFiles(3);
        using var d = ImageCache.OpenOrBuild(new ImageFilesSource(files, new NativeImageDecoder()), root, 4, 4);
        using var e = ImageCache.OpenOrBuild(new ImageFilesSource(files, new NativeImageDecoder(ImageReadMode.RGB, (8, 8))), root, 4, 4);
        Assert.Equal(5, new[] { a.Folder, b.Folder, c.Folder, d.Folder, e.Folder }.Distinct().Count());
    }

    [Fact]
    public void An_interrupted_build_resumes_from_complete_shards()
    {
        var failing = new SyntheticSource(50) { FailRow = 33 };
        var e = Assert.Throws<ImageLoadException>(() => ImageCache.OpenOrBuild(failing, root, 4, 4, threads: 2, rowsPerShard: 10));
        Assert.Contains("synthetic/0033.png", e.Message);
        var folder = Directory.GetDirectories(root).Single();
        Assert.Equal(3, Directory.GetFiles(folder, "shard-*.bin").Length);  // rows 0..29 done
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
        Assert.False(File.Exists(Path.Combine(folder, "index.json")));

        var healthy = new SyntheticSource(50);
        using var cache = ImageCache.OpenOrBuild(healthy, root, 4, 4, threads: 2, rowsPerShard: 10);
        Assert.Equal(20, healthy.Loads);  // only the last two shards
        using var row = cache.Load(45);
        Assert.Equal(45, row.data<byte>()[0]);
    }

    [Fact]
    public void A_damaged_shard_is_reported_with_its_path()
    {
        string folder;
        using (var cache = ImageCache.OpenOrBuild(new SyntheticSource(20), root, 4, 4, rowsPerShard: 8)) folder = cache.Folder;
        var shard = Path.Combine(folder, "shard-00001.bin");
        using (var f = new FileStream(shard, FileMode.Open)) f.SetLength(f.Length - 5);
        var e = Assert.Throws<InvalidDataException>(() => ImageCache.Open(folder));
        Assert.Contains(shard, e.Message);
    }

    [Fact]
    public void Centre_crop_fit_keeps_the_middle()
    {
        var source = new FuncSource(2, row => torch.WrappedTensorDisposeScope(() =>
            torch.arange(0, 20 * 40, 1, ScalarType.Int64).reshape(1, 20, 40).remainder(251).add(row).to(ScalarType.Byte)));
        using var cache = ImageCache.OpenOrBuild(source, root, 10, 10, ResizeFit.CenterCrop);
        using var image = source.Load(1);
        using var expected = functional.resized_crop(image, 0, 10, 20, 20, 10, 10);
        using var cached = cache.Load(1);
        Assert.Equal(expected.data<byte>(), cached.data<byte>());
    }

    [Fact]
    public void The_loader_reads_a_cache_like_any_source()
    {
        using var cache = ImageCache.OpenOrBuild(new SyntheticSource(24), root, 4, 4);
        using var loader = new ImageLoader(cache, new SupervisedSampler(24, 5), new LoaderOptions { Workers = 2 });
        foreach (var batch in loader.Epoch(0)) Assert.Equal(batch.Keys, SyntheticSource.RowsIn(batch.Images));
        cache.Dispose();
        Assert.Throws<ObjectDisposedException>(() => cache.Load(0));
    }
}
