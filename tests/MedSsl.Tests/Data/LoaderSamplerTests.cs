using MedSsl.Data.Loading;

namespace MedSsl.Tests.Data;

/// <summary>MICLe's multi-instance sampling: cases as elements, two different images of a case when it has them.</summary>
public class LoaderSamplerTests
{
    // Cases 7 (1 image), 3 (2 images), 12 (3 images), 5 (5 images), interleaved over 11 rows.
    static readonly int[] CaseOfRow = { 5, 7, 3, 12, 5, 3, 12, 5, 12, 5, 5 };

    [Fact]
    public void Pairs_are_two_different_rows_of_the_same_case()
    {
        var sampler = new MultiInstanceSampler(CaseOfRow, 3);
        Assert.Equal(4, sampler.CaseCount);
        Assert.Equal(3, sampler.CasesWithPairs);
        for (int epoch = 0; epoch < 20; epoch++)
        {
            var plans = sampler.PlanEpoch(epoch, 42);
            Assert.Equal(new[] { 3, 5, 7, 12 }, plans.SelectMany(p => p.Keys).OrderBy(k => k));  // each case once
            foreach (var plan in plans)
                for (int i = 0; i < plan.Count; i++)
                {
                    int a = plan.Rows[0][i], b = plan.Rows[1][i], c = plan.Keys[i];
                    Assert.Equal(c, CaseOfRow[a]);
                    Assert.Equal(c, CaseOfRow[b]);
                    if (c == 7) Assert.Equal(a, b);  // a single image is used twice
                    else Assert.NotEqual(a, b);
                }
        }
    }

    [Fact]
    public void Pairs_are_redrawn_every_epoch()
    {
        var sampler = new MultiInstanceSampler(CaseOfRow, 4);
        var pairsOfCase5 = Enumerable.Range(0, 30).Select(epoch =>
        {
            var plan = sampler.PlanEpoch(epoch, 1)[0];
            int i = Array.IndexOf(plan.Keys, 5);
            return (Math.Min(plan.Rows[0][i], plan.Rows[1][i]), Math.Max(plan.Rows[0][i], plan.Rows[1][i]));
        }).Distinct().Count();
        Assert.True(pairsOfCase5 >= 6, $"only {pairsOfCase5} of the 10 possible pairs of case 5 in 30 epochs");
    }

    [Fact]
    public void Loader_delivers_the_pair_images()
    {
        var source = new SyntheticSource(CaseOfRow.Length);
        using var loader = new ImageLoader(source, new MultiInstanceSampler(CaseOfRow, 2), new LoaderOptions { Workers = 2 });
        int elements = 0;
        foreach (var batch in loader.Epoch(0))
        {
            Assert.Equal(batch.Rows[0], SyntheticSource.RowsIn(batch.Views[0]));
            Assert.Equal(batch.Rows[1], SyntheticSource.RowsIn(batch.Views[1]));
            elements += batch.Count;
        }
        Assert.Equal(4, elements);
    }

    [Fact]
    public void Batch_counts_match_the_plans()
    {
        IBatchSampler[] samplers = { new SupervisedSampler(10, 3), new TwoViewSampler(10, 3, dropLast: true), new MultiInstanceSampler(CaseOfRow, 3) };
        Assert.All(samplers, s => Assert.Equal(s.BatchCount, s.PlanEpoch(0, 0).Count));
        Assert.Equal(new[] { 4, 3, 2 }, samplers.Select(s => s.BatchCount));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SupervisedSampler(10, 0));
    }
}
