namespace MedSsl.Data.Loading;

/// <summary>SimCLR's sampling: every row once per epoch, read twice so the view transform makes two
/// different augmentations of the same image (decoded once).</summary>
public sealed class TwoViewSampler : IBatchSampler
{
    readonly int count, batchSize;
    readonly bool shuffle, dropLast;

    public TwoViewSampler(int count, int batchSize, bool shuffle = true, bool dropLast = false)
    {
        Batching.CheckSize(batchSize);
        (this.count, this.batchSize, this.shuffle, this.dropLast) = (count, batchSize, shuffle, dropLast);
    }

    public int Views => 2;
    public int BatchCount => Batching.Count(count, batchSize, dropLast);

    public IReadOnlyList<BatchPlan> PlanEpoch(int epoch, ulong seed)
    {
        var state = SeedMix.ForEpoch(seed, epoch);
        var order = Batching.Order(count, shuffle, ref state);
        return Batching.Cut(order, batchSize, dropLast, 2, (i, _) => order[i]);
    }
}
