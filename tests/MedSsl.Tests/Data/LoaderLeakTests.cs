using MedSsl.Data.Loading;

namespace MedSsl.Tests.Data;

[CollectionDefinition("Loader live-tensor counts", DisableParallelization = true)]
public class LoaderLiveTensorCollection;

/// <summary>Native memory stays flat over an epoch (Tensor.LiveCount is process-wide: run alone).</summary>
[Collection("Loader live-tensor counts")]
public class LoaderLeakTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void Batches_are_freed_as_the_loop_advances(int workers)
    {
        using var loader = new ImageLoader(new SyntheticSource(60), new TwoViewSampler(60, 8), new LoaderOptions { Workers = workers });
        foreach (var _ in loader.Epoch(0)) { }  // warm up (generators, thread-local decoders)
        GC.Collect();
        GC.WaitForPendingFinalizers();  // tensors other tests left to the finalizer must not go mid-count
        var before = Tensor.LiveCount;
        LoaderBatch? first = null;
        foreach (var batch in loader.Epoch(1)) first ??= batch;
        Assert.Equal(before, Tensor.LiveCount);
        Assert.True(first!.Images.IsDisposed);
    }
}
