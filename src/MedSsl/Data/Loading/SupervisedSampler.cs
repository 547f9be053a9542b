namespace MedSsl.Data.Loading;

/// <summary>Every row once per epoch, one view each (fine-tuning, evaluation): keys are rows, so labels
/// are gathered with the batch's <see cref="LoaderBatch.Keys"/>.</summary>
public sealed class SupervisedSampler : IBatchSampler
{
    readonly int count, batchSize;
    readonly bool shuffle, dropLast;

    public SupervisedSampler(int count, int batchSize, bool shuffle = true, bool dropLast = false)
    {
        Batching.CheckSize(batchSize);
        (this.count, this.batchSize, this.shuffle, this.dropLast) = (count, batchSize, shuffle, dropLast);
    }

    public int Views => 1;
    public int BatchCount => Batching.Count(count, batchSize, dropLast);

    public IReadOnlyList<BatchPlan> PlanEpoch(int epoch, ulong seed)
    {
        var state = SeedMix.ForEpoch(seed, epoch);
        var order = Batching.Order(count, shuffle, ref state);
        return Batching.Cut(order, batchSize, dropLast, 1, (i, _) => order[i]);
    }
}
