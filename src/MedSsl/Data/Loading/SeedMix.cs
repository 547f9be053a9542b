namespace MedSsl.Data.Loading;

/// <summary>
/// Deterministic seeds and shuffles from (seed, epoch, batch): SplitMix64, so every run with the same seed
/// sees the same order and the same augmentations, however many threads load it.
/// </summary>
public static class SeedMix
{
    /// <summary>A well-mixed 64-bit seed from any number of parts.</summary>
    public static ulong Mix(params ulong[] parts)
    {
        ulong h = 0x632BE59BD9B4E019UL;
        foreach (var p in parts) h = Finalise(h + Golden + Finalise(p));
        return h;
    }

    /// <summary>The seed of batch <paramref name="batch"/>'s random stream (its augmentations).</summary>
    public static ulong ForBatch(ulong seed, int epoch, int batch) => Mix(seed, (ulong)epoch, (ulong)batch);

    /// <summary>The seed of an epoch's sampling (order, pair choices): a stream apart from every batch's.</summary>
    public static ulong ForEpoch(ulong seed, int epoch) => Mix(seed, (ulong)epoch, ulong.MaxValue);

    /// <summary>Fisher–Yates shuffle of items in place.</summary>
    public static void Shuffle(Span<int> items, ref ulong state)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = NextInt(ref state, i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>Uniform integer in [0, n) (Lemire's multiply-shift; the bias is below 2^-32 for loader sizes).</summary>
    public static int NextInt(ref ulong state, int n) => (int)(((Next(ref state) >> 32) * (ulong)n) >> 32);

    const ulong Golden = 0x9E3779B97F4A7C15UL;

    static ulong Next(ref ulong state) => Finalise(state += Golden);

    static ulong Finalise(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
