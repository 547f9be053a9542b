using MedSsl.Methods;
using MedSsl.Transforms;
using MedSsl.Training;

namespace MedSsl.Tests;

public class MicleSamplingTests
{
    [Fact]
    public void Micle_batches_pair_different_rows_of_a_case_and_repeat_singletons()
    {
        using var data = TinyData.Create();
        using var method = new Micle(TinyData.Encoder);
        var batches = new ImageBatches(data, method.sampler(data.case_of_row, 6), Presets.FineTune(8), seed: 3);
        int pairs = 0, singles = 0;
        for (int step = 0; step < 2 * batches.batches_per_epoch; step++)
        {
            var plan = method.sampler(data.case_of_row, 6).PlanEpoch(step / batches.batches_per_epoch, 3)[step % batches.batches_per_epoch];
            using var batch = batches.Get(step);
            Assert.Equal(plan.Rows[0], batch.rows);
            for (int i = 0; i < plan.Count; i++)
            {
                int a = plan.Rows[0][i], b = plan.Rows[1][i];
                Assert.Equal(data.case_ids[a], data.case_ids[b]);
                var size = data.case_ids.Count(c => c == data.case_ids[a]);
                if (size >= 2) { Assert.NotEqual(a, b); pairs++; }
                else { Assert.Equal(a, b); singles++; }
            }
        }
        Assert.True(pairs > 0 && singles > 0);
    }

    [Fact]
    public void SimClr_batches_read_each_row_twice_with_different_views()
    {
        using var data = TinyData.Create();
        using var method = new SimClr(TinyData.Encoder);
        var batches = new ImageBatches(data, method.sampler(data.case_of_row, 8), Presets.SimClrNatural(8, blur: false), seed: 3);
        using var batch = batches.Get(0);
        Assert.Equal(2, batch.views.Length);
        Assert.False(batch.views[0].equal(batch.views[1]));
        using var again = batches.Get(0);
        Assert.True(again.views[0].equal(batch.views[0]));  // a step's batch is a function of (seed, step)
    }
}
