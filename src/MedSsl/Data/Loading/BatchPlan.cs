namespace MedSsl.Data.Loading;

/// <summary>
/// What one batch holds, decided before any image is loaded: element i is key Keys[i] (its row, or its
/// case for multi-instance sampling) and reads row Rows[v][i] for view v.
/// </summary>
public sealed record BatchPlan(int Index, int[] Keys, int[][] Rows)
{
    public int Count => Keys.Length;
    public int Views => Rows.Length;
}

/// <summary>Decides the batches of an epoch from (seed, epoch) alone, so runs are reproducible.</summary>
public interface IBatchSampler
{
    /// <summary>Images per element: 1 (supervised) or 2 (two views for a contrastive loss).</summary>
    int Views { get; }

    /// <summary>Batches in every epoch.</summary>
    int BatchCount { get; }

    IReadOnlyList<BatchPlan> PlanEpoch(int epoch, ulong seed);
}

/// <summary>Cuts an element order into batches.</summary>
internal static class Batching
{
    public static int Count(int elements, int batchSize, bool dropLast) =>
        dropLast ? elements / batchSize : (elements + batchSize - 1) / batchSize;

    public static void CheckSize(int batchSize)
    {
        if (batchSize <= 0) throw new ArgumentOutOfRangeException(nameof(batchSize), $"The batch size must be positive, got {batchSize}.");
    }

    /// <summary>Order 0..n-1, shuffled from the epoch's stream when asked.</summary>
    public static int[] Order(int n, bool shuffle, ref ulong state)
    {
        var order = Enumerable.Range(0, n).ToArray();
        if (shuffle) SeedMix.Shuffle(order, ref state);
        return order;
    }

    /// <summary>Batches whose element i has key keys[i] and rows rowsOf(key) (one per view).</summary>
    public static IReadOnlyList<BatchPlan> Cut(int[] keys, int batchSize, bool dropLast, int views, Func<int, int, int> rowOf)
    {
        int count = Count(keys.Length, batchSize, dropLast);
        var plans = new List<BatchPlan>(count);
        for (int b = 0; b < count; b++)
        {
            var k = keys.AsSpan(b * batchSize, Math.Min(batchSize, keys.Length - b * batchSize)).ToArray();
            var rows = new int[views][];
            for (int v = 0; v < views; v++) rows[v] = k.Select((key, i) => rowOf(b * batchSize + i, v)).ToArray();
            plans.Add(new BatchPlan(b, k, rows));
        }
        return plans;
    }
}
