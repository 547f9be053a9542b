using MedSsl.Torch;

namespace MedSsl.Data.Loading;

/// <summary>How an <see cref="ImageLoader"/> loads: threads, prefetch depth, seed, view transform, output form.</summary>
public sealed record LoaderOptions
{
    /// <summary>Worker threads that load, transform and collate batches; 0 loads on the consuming thread.</summary>
    public int Workers { get; init; } = Environment.ProcessorCount;

    /// <summary>Batches ready or in flight at most (bounds memory); 0 means twice the workers.</summary>
    public int Prefetch { get; init; }

    /// <summary>Seeds the order, the pair choices and every batch's augmentation stream.</summary>
    public ulong Seed { get; init; }

    /// <summary>
    /// Applied to every view of every element: (uint8 [C, H, W] image, the batch's generator) → tensor. All
    /// outputs of a batch must share shape and dtype. Draw randomness only from the generator: that is what
    /// makes loading reproducible. Null: views are the images as loaded.
    /// </summary>
    public Func<Tensor, Generator, Tensor>? Transform { get; init; }

    /// <summary>Turn uint8 batches into float32 in [0, 1] (other dtypes pass through).</summary>
    public bool ToFloat { get; init; }

    /// <summary>Page-locked batches for asynchronous copies to a GPU; ignored when CUDA is unavailable.</summary>
    public bool PinMemory { get; init; }

    /// <summary>Dispose each batch when the next one is taken (and when the epoch ends), so a training loop
    /// keeps native memory flat without any code (TorchSharp's disposeBatch). False: the caller disposes batches.</summary>
    public bool DisposeBatches { get; init; } = true;

    internal int PrefetchDepth => Prefetch > 0 ? Prefetch : Math.Max(2, 2 * Workers);

    internal void Validate()
    {
        if (Workers < 0) throw new ArgumentOutOfRangeException(nameof(Workers), $"Workers must be 0 or more, got {Workers}.");
        if (Prefetch < 0) throw new ArgumentOutOfRangeException(nameof(Prefetch), $"Prefetch must be 0 or more, got {Prefetch}.");
    }
}
