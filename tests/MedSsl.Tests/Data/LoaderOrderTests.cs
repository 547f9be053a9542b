using MedSsl.Data;
using MedSsl.Data.Loading;

namespace MedSsl.Tests.Data;

/// <summary>What an epoch contains and in which order: every row once, and the same batches and the same
/// augmentations for a seed whatever the number of workers.</summary>
public class LoaderOrderTests
{
    /// <summary>A transform that draws from the batch generator, so any seeding mistake shows.</summary>
    static Tensor Jitter(Tensor image, Generator g)
    {
        using var noise = torch.rand(image.shape, generator: g);
        return image.to(ScalarType.Float32).add_(noise);
    }

    static List<float[]> Collect(IImageSource source, IBatchSampler sampler, LoaderOptions options, int epoch)
    {
        using var loader = new ImageLoader(source, sampler, options);
        return loader.Epoch(epoch).SelectMany(b => b.Views.Select(v => v.data<float>())).ToList();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void Every_row_comes_exactly_once_per_epoch(int workers)
    {
        var source = new SyntheticSource(103);
        using var loader = new ImageLoader(source, new SupervisedSampler(103, 10), new LoaderOptions { Workers = workers });
        var keys = new List<int>();
        foreach (var batch in loader.Epoch(0))
        {
            Assert.Equal(batch.Keys, SyntheticSource.RowsIn(batch.Images));  // pixels really are those rows
            keys.AddRange(batch.Keys);
        }
        Assert.Equal(11, loader.BatchCount);
        Assert.Equal(Enumerable.Range(0, 103), keys.OrderBy(k => k));
        Assert.NotEqual(Enumerable.Range(0, 103), keys);  // shuffled
        Assert.Equal(103, source.Loads);
    }

    [Fact]
    public void Drop_last_drops_only_the_short_batch()
    {
        var sampler = new SupervisedSampler(103, 10, dropLast: true);
        var plans = sampler.PlanEpoch(0, 5);
        Assert.Equal(10, plans.Count);
        Assert.All(plans, p => Assert.Equal(10, p.Count));
        Assert.Equal(100, plans.SelectMany(p => p.Keys).Distinct().Count());
    }

    [Fact]
    public void Without_shuffle_rows_come_in_order()
    {
        var plans = new SupervisedSampler(25, 10, shuffle: false).PlanEpoch(3, 9);
        Assert.Equal(Enumerable.Range(0, 25), plans.SelectMany(p => p.Keys));
        Assert.Equal(5, plans[^1].Count);
    }

    [Fact]
    public void Batches_and_augmentations_do_not_depend_on_worker_count()
    {
        var sampler = new TwoViewSampler(37, 8);
        var reference = Collect(new SyntheticSource(37), sampler, new LoaderOptions { Workers = 0, Seed = 11, Transform = Jitter }, 2);
        foreach (var (workers, prefetch) in new[] { (1, 1), (3, 0), (4, 2) })
        {
            var other = Collect(new SyntheticSource(37), sampler, new LoaderOptions { Workers = workers, Prefetch = prefetch, Seed = 11, Transform = Jitter }, 2);
            Assert.Equal(reference.Count, other.Count);
            for (int i = 0; i < reference.Count; i++) Assert.Equal(reference[i], other[i]);
        }
    }

    [Fact]
    public void Epochs_and_seeds_change_the_order()
    {
        var sampler = new SupervisedSampler(50, 50);
        int[] Order(ulong seed, int epoch) => sampler.PlanEpoch(epoch, seed)[0].Keys;
        Assert.Equal(Order(1, 0), Order(1, 0));
        Assert.NotEqual(Order(1, 0), Order(1, 1));
        Assert.NotEqual(Order(1, 0), Order(2, 0));
    }

    [Fact]
    public void Two_views_of_one_row_differ_only_by_the_transform()
    {
        var source = new SyntheticSource(20);
        using var loader = new ImageLoader(source, new TwoViewSampler(20, 5), new LoaderOptions { Workers = 2, Transform = Jitter });
        foreach (var batch in loader.Epoch(0))
        {
            Assert.Equal(batch.Rows[0], batch.Rows[1]);
            Assert.NotEqual(batch.Views[0].data<float>(), batch.Views[1].data<float>());
            using var gap = batch.Views[0].sub(batch.Views[1]).abs().max();
            Assert.True(gap.item<float>() < 1);  // same image underneath: only the [0, 1) noise differs
        }
        Assert.Equal(20, source.Loads);  // a row read for two views is decoded once
    }
}
