using MedSsl.Torch;

namespace MedSsl.Data.Loading;

/// <summary>
/// Batches from an <see cref="IImageSource"/>: worker threads load, transform and collate whole batches
/// ahead of the training loop, into a bounded queue it reads in order. The sequence of batches, and every
/// augmentation in them, depends only on (seed, epoch), never on the number of workers or their timing.
/// <code>
/// using var loader = new ImageLoader(source, new TwoViewSampler(source.Count, 256), new LoaderOptions { Transform = view });
/// foreach (var batch in loader.Epoch(epoch)) { var (a, b) = (batch.Views[0], batch.Views[1]); ... }
/// </code>
/// A row that fails to load raises <see cref="ImageLoadException"/> (naming the row's source) in the
/// consumer, at that batch's turn. Leaving the loop, cancelling, or disposing the loader stops the workers.
/// </summary>
public sealed class ImageLoader : IDisposable
{
    readonly CancellationTokenSource lifetime = new();
    readonly HashSet<EpochRun> running = new();
    readonly bool pin;

    public ImageLoader(IImageSource source, IBatchSampler sampler, LoaderOptions? options = null)
    {
        Source = source ?? throw new ArgumentNullException(nameof(source));
        Sampler = sampler ?? throw new ArgumentNullException(nameof(sampler));
        Options = options ?? new LoaderOptions();
        Options.Validate();
        // pin_memory needs a CUDA driver; without one the flag is moot, so it is skipped quietly.
        pin = Options.PinMemory && torch.cuda.is_available();
    }

    public IImageSource Source { get; }
    public IBatchSampler Sampler { get; }
    public LoaderOptions Options { get; }

    /// <summary>Batches per epoch.</summary>
    public int BatchCount => Sampler.BatchCount;

    /// <summary>Whether batches are page-locked (PinMemory asked for and CUDA present).</summary>
    public bool PinsMemory => pin;

    /// <summary>The batches of one epoch, in order. Workers start at the first MoveNext and stop when the
    /// enumeration ends, is abandoned (break, exception), or <paramref name="cancellation"/> fires.</summary>
    public IEnumerable<LoaderBatch> Epoch(int epoch, CancellationToken cancellation = default)
    {
        ObjectDisposedException.ThrowIf(lifetime.IsCancellationRequested, this);
        if (epoch < 0) throw new ArgumentOutOfRangeException(nameof(epoch), $"The epoch must be 0 or more, got {epoch}.");
        return Run(epoch, cancellation);
    }

    IEnumerable<LoaderBatch> Run(int epoch, CancellationToken cancellation)
    {
        var plans = Sampler.PlanEpoch(epoch, Options.Seed);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellation, lifetime.Token);
        var builder = new BatchBuilder(Source, Options, epoch, pin);
        using var run = Track(new EpochRun(builder, plans, Options.Workers, Options.PrefetchDepth, linked.Token));
        LoaderBatch? previous = null;
        try
        {
            for (int b = 0; b < plans.Count; b++)
            {
                var batch = run.Take(b);
                if (Options.DisposeBatches) previous?.Dispose();
                previous = batch;
                yield return batch;
            }
        }
        finally
        {
            if (Options.DisposeBatches) previous?.Dispose();
            lock (running) running.Remove(run);
        }
    }

    EpochRun Track(EpochRun run)
    {
        lock (running)
        {
            if (lifetime.IsCancellationRequested)
            {
                run.Dispose();
                throw new ObjectDisposedException(nameof(ImageLoader));
            }
            running.Add(run);
        }
        return run;
    }

    /// <summary>Stops every epoch in flight and waits for its workers.</summary>
    public void Dispose()
    {
        EpochRun[] runs;
        lock (running)
        {
            if (lifetime.IsCancellationRequested) return;
            lifetime.Cancel();
            runs = running.ToArray();
        }
        foreach (var run in runs) run.Dispose();
    }
}
