using MedSsl.Data;
using MedSsl.Evaluation;
using MedSsl.Training;

namespace MedSsl.Tests;

[Collection("Training")]
public class LabelEfficiencyTests
{
    static MedicalDataset Rows(ImageSet set) => MedicalDataset.Multiclass("tiny", new ArrayImageSource(set.images.bytes(), set.Count, 3, 8, 8, "tiny"),
        new[] { "a", "b", "c" }, MetricLabels(set), new MetadataTable(set.Count, new Dictionary<string, string[]> { [MetadataColumns.CaseId] = set.case_ids.ToArray() }));

    static int[] MetricLabels(ImageSet set) => set.labels!.data<long>().Select(v => (int)v).ToArray();

    [Fact]
    public void Fractions_times_inits_give_one_row_each_with_seed_spread_and_cis()
    {
        using var train = TinyData.Create(seed: 1);
        using var test = TinyData.Create(cases: 12, seed: 2);
        var config = new FineTuneConfig { encoder = TinyData.Encoder, steps = 2, batch = 8, size = 8 };
        var rows = LabelEfficiency.Run(config, Rows(train), train, test, new (string, string?)[] { ("random", null), ("random again", null) },
                                       new[] { 0.5, 1.0 }, seeds: 2, resamples: 50);
        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.Equal(2, r.top1.n));
        Assert.True(rows[0].train_images < rows[2].train_images);
        Assert.All(rows, r => Assert.InRange(r.first_seed.top1.point, 0, 1));
        Assert.All(rows, r => Assert.True(r.first_seed.top1.lo <= r.first_seed.top1.point && r.first_seed.top1.point <= r.first_seed.top1.hi));
        var table = LabelEfficiency.ToTable(rows);
        Assert.Equal(4, table.RowCount);
        Assert.Equal("50%", table[0, "labels"]);
        Assert.Contains("±", (string)table[0, "top-1 mean ± std"]!);
    }

    [Fact]
    public void The_chain_runs_end_to_end_with_a_handful_of_steps()
    {
        var dir = TinyData.TempDir();
        using var train = TinyData.Create(seed: 1);
        using var test = TinyData.Create(cases: 12, seed: 2);
        var s = Pretraining.Run(TinyData.Pretrain("simclr", 2), train, out_dir: Path.Combine(dir, "simclr"));
        var m = Pretraining.Run(TinyData.Pretrain("micle", 2), train, s.checkpoint, Path.Combine(dir, "micle"));
        Assert.Equal("simclr", m.init!.method);
        var config = new FineTuneConfig { encoder = TinyData.Encoder, steps = 2, batch = 8, size = 8 };
        var rows = LabelEfficiency.Run(config, Rows(train), train, test, new (string, string?)[] { ("sup", null), ("micle", m.checkpoint) },
                                       new[] { 1.0 }, seeds: 1, resamples: 20);
        var text = LabelEfficiency.ToTable(rows).ToString();
        Assert.Contains("micle", text);
        Assert.Contains("(1 seed)", text);
    }
}
