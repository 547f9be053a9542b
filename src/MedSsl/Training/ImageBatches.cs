using MedSsl.Data.Loading;
using MedSsl.Torch;
using MedSsl.Transforms;

namespace MedSsl.Training;

/// <summary>
/// The batches of an in-memory <see cref="ImageSet"/> by global step: step s is batch s mod B of epoch s div B
/// of the sampler's plan (the pipeline's <see cref="IBatchSampler"/>: SimCLR, MICLe or supervised sampling),
/// each view gathered and augmented as one batch, with a generator seeded from (seed, epoch, batch) exactly as
/// the <see cref="ImageLoader"/> seeds it. Any step can be rebuilt alone, which is what makes resume exact.
/// </summary>
public sealed class ImageBatches
{
    readonly ImageSet data;
    readonly IBatchSampler sampler;
    readonly ITransform transform;
    readonly ulong seed;
    (int epoch, IReadOnlyList<BatchPlan> plans)? cached;

    public ImageBatches(ImageSet data, IBatchSampler sampler, ITransform transform, ulong seed)
    {
        if (sampler.BatchCount == 0)
            throw new ArgumentException($"{data.name}: {data.Count} images ({data.case_count} cases) make no full batch; use a smaller batch size.");
        (this.data, this.sampler, this.transform, this.seed) = (data, sampler, transform, seed);
    }

    public ImageSet Data => data;
    public int batches_per_epoch => sampler.BatchCount;

    /// <summary>The batch of a global step (the caller owns it).</summary>
    public TrainBatch Get(long step)
    {
        int epoch = (int)(step / sampler.BatchCount), index = (int)(step % sampler.BatchCount);
        if (cached?.epoch != epoch) cached = (epoch, sampler.PlanEpoch(epoch, seed));
        var plan = cached.Value.plans[index];
        using var g = new Generator(SeedMix.ForBatch(seed, epoch, index));
        using var scope = torch.NewDisposeScope();
        var views = new Tensor[plan.Views];
        for (int v = 0; v < plan.Views; v++)
        {
            var idx = torch.tensor(plan.Rows[v].Select(r => (long)r).ToArray(), plan.Count);
            views[v] = transform.Apply(data.images.index_select(0, idx), g).MoveToOuterDisposeScope();
        }
        Tensor? labels = null;
        if (data.labels is not null)
            labels = data.labels.index_select(0, torch.tensor(plan.Rows[0].Select(r => (long)r).ToArray(), plan.Count)).MoveToOuterDisposeScope();
        return new TrainBatch(step, epoch, views, labels, plan.Rows[0]);
    }
}
