using MedSsl.Data.Images;
using MedSsl.Data.Loading;

namespace MedSsl.Tests.Data;

/// <summary>Errors, early exits, cancellation, disposal and memory: the loader never hangs, never leaks,
/// and a bad row surfaces in the training loop with its description.</summary>
public class LoaderLifecycleTests
{
    static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    /// <summary>Runs f on another thread and fails the test (rather than hanging it) if f takes too long.</summary>
    static T WithinLimit<T>(Func<T> f)
    {
        var task = Task.Run(f);
        Assert.True(task.Wait(Limit), "the loader did not stop in time");
        return task.Result;
    }

    [Fact]
    public void A_failing_row_surfaces_in_the_consumer_with_its_description()
    {
        var source = new SyntheticSource(64) { FailRow = 37 };
        var sampler = new SupervisedSampler(64, 8, shuffle: false);
        using var loader = new ImageLoader(source, sampler, new LoaderOptions { Workers = 2 });
        int delivered = 0;
        var e = WithinLimit(() => Assert.Throws<ImageLoadException>(() =>
        {
            foreach (var _ in loader.Epoch(0)) delivered++;
        }));
        Assert.Equal(4, delivered);  // batches 0..3 come first, in order; batch 4 holds row 37
        Assert.Equal(37, e.Row);
        Assert.Contains("synthetic/0037.png", e.Message);
        Assert.IsType<InvalidDataException>(e.InnerException);
    }

    [Fact]
    public void A_failing_transform_names_the_row()
    {
        var options = new LoaderOptions { Workers = 1, Transform = (img, _) => throw new InvalidOperationException("bad crop") };
        using var loader = new ImageLoader(new SyntheticSource(5), new SupervisedSampler(5, 5, shuffle: false), options);
        var e = Assert.Throws<ImageLoadException>(() => loader.Epoch(0).First());
        Assert.Contains("synthetic/0000.png", e.Message);
        Assert.Contains("bad crop", e.Message);
    }

    [Fact]
    public void Leaving_the_loop_early_stops_the_workers()
    {
        var source = new SyntheticSource(400) { Delay = TimeSpan.FromMilliseconds(5) };
        using var loader = new ImageLoader(source, new SupervisedSampler(400, 4), new LoaderOptions { Workers = 3, Prefetch = 3 });
        WithinLimit(() =>
        {
            foreach (var batch in loader.Epoch(0)) break;  // disposes the enumerator: joins the workers
            return 0;
        });
        var after = source.Loads;
        Thread.Sleep(100);
        Assert.Equal(after, source.Loads);
        Assert.True(after < 40, $"{after} rows were loaded for one batch: prefetch did not bound the work");
    }

    [Fact]
    public void Disposing_the_loader_stops_an_epoch_in_another_thread()
    {
        var source = new SyntheticSource(1000) { Delay = TimeSpan.FromMilliseconds(20) };
        var loader = new ImageLoader(source, new SupervisedSampler(1000, 10), new LoaderOptions { Workers = 2 });
        var started = new ManualResetEventSlim();
        var consumer = Task.Run(() =>
        {
            foreach (var _ in loader.Epoch(0)) started.Set();
        });
        Assert.True(started.Wait(Limit));
        WithinLimit(() =>
        {
            loader.Dispose();
            return 0;
        });
        var e = Assert.ThrowsAny<Exception>(() => consumer.Wait(Limit));
        Assert.IsAssignableFrom<OperationCanceledException>(e.InnerException);
        var after = source.Loads;
        Thread.Sleep(100);
        Assert.Equal(after, source.Loads);
        Assert.Throws<ObjectDisposedException>(() => loader.Epoch(1));
    }

    [Fact]
    public void Cancellation_stops_the_epoch()
    {
        using var cts = new CancellationTokenSource();
        using var loader = new ImageLoader(new SyntheticSource(100), new SupervisedSampler(100, 10), new LoaderOptions { Workers = 2 });
        int seen = 0;
        WithinLimit(() => Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (var _ in loader.Epoch(0, cts.Token))
                if (++seen == 2) cts.Cancel();
        }));
        Assert.Equal(2, seen);
    }

    [Fact]
    public void Kept_batches_belong_to_the_caller()
    {
        using var loader = new ImageLoader(new SyntheticSource(12), new SupervisedSampler(12, 4),
            new LoaderOptions { Workers = 1, DisposeBatches = false });
        var batches = loader.Epoch(0).ToList();
        Assert.All(batches, b => Assert.False(b.Images.IsDisposed));
        foreach (var b in batches) b.Dispose();
        Assert.All(batches, b => Assert.True(b.Images.IsDisposed));
    }

    [Fact]
    public void Float_output_and_pinning_without_cuda()
    {
        var options = new LoaderOptions { Workers = 1, ToFloat = true, PinMemory = true };
        using var loader = new ImageLoader(new SyntheticSource(4), new SupervisedSampler(4, 4, shuffle: false), options);
        Assert.Equal(torch.cuda.is_available(), loader.PinsMemory);
        foreach (var batch in loader.Epoch(0))  // a batch is valid until the loop moves on
        {
            Assert.Equal(ScalarType.Float32, batch.Images.dtype);
            Assert.Equal(3f / 255f, batch.Images.data<float>()[3 * 16 * 3], 6);  // row 3 is filled with 3
        }
    }

    [Fact]
    public void Views_of_different_shapes_in_one_batch_are_refused_clearly()
    {
        var options = new LoaderOptions { Workers = 0, Transform = (img, _) => img.narrow(1, 0, 1 + img.data<byte>()[0] % 2) };
        using var loader = new ImageLoader(new SyntheticSource(4), new SupervisedSampler(4, 4, shuffle: false), options);
        var e = Assert.Throws<InvalidOperationException>(() => loader.Epoch(0).First());
        Assert.Contains("synthetic/0001.png", e.Message);
        Assert.Contains("share shape", e.Message);
    }

    [Fact]
    public void Real_jpegs_load_through_the_native_decoder()
    {
        var files = ImageTestData.DermaFiles(40);
        var source = new ImageFilesSource(files, new NativeImageDecoder(ImageReadMode.RGB, (16, 16)));
        using var loader = new ImageLoader(source, new SupervisedSampler(40, 16), new LoaderOptions { Workers = 2, Seed = 3 });
        var seen = 0;
        foreach (var batch in loader.Epoch(0))
        {
            Assert.Equal(new long[] { batch.Count, 3, 16, 16 }, batch.Images.shape);
            using var expected = source.Load(batch.Keys[^1]);
            using var last = batch.Images.select(0, batch.Count - 1).contiguous();
            Assert.Equal(expected.data<byte>(), last.data<byte>());
            seen += batch.Count;
        }
        Assert.Equal(40, seen);
    }
}
