namespace MedSsl.Tests;

public class SplitTests
{
    [Fact]
    public void Leakage_reports_every_case_in_two_or_more_splits()
    {
        var d = Fixtures.Multiclass(new[] { 0, 0, 1, 1, 0, 1, 0 },
            new[] { "a", "a", "b", "b", "c", "d", "d" },
            new[] { "train", "test", "train", "train", "val", "val", "" });
        var report = Leakage.OfSourceSplit(d);
        var leaked = Assert.Single(report.Cases);
        Assert.Equal("a", leaked.CaseId);
        Assert.Equal(new[] { "train", "test" }, leaked.Splits);
        Assert.Equal(1, report.SharedBy("train", "test"));
        Assert.Equal(0, report.SharedBy("train", "val")); // d's second image has no split
        Assert.Equal("train+test", report.ByCombination[0].Splits);
        Assert.False(report.IsClean);
    }

    [Fact]
    public void Case_split_keeps_every_row_leaks_nothing_and_is_reproducible()
    {
        var d = Fixtures.ManyCases(400, 4);
        var s = CaseSplit.Split(d, seed: 3);
        Assert.True(Leakage.Check(s).IsClean);
        Assert.Equal(Enumerable.Range(0, d.Count), s.Names.SelectMany(s.RowsOf).Order());
        Assert.Equal(new[] { 280, 40, 80 }, s.Names.Select(s.CaseCount)); // exact shares of 400 cases
        Assert.Equal(s.Assignment, CaseSplit.Split(d, seed: 3).Assignment);
        Assert.NotEqual(s.Assignment, CaseSplit.Split(d, seed: 4).Assignment);
        // The same rows in another order give the same split.
        var reversed = d.Subset(Enumerable.Range(0, d.Count).Reverse().ToArray());
        var back = CaseSplit.Split(reversed, seed: 3).Assignment.Reverse();
        Assert.Equal(s.Assignment, back);
    }

    [Fact]
    public void Case_split_is_stratified_by_class()
    {
        var d = Fixtures.ManyCases(600, 4);
        var s = CaseSplit.Split(d);
        var strata = CaseStrata.Of(d);
        foreach (var cls in d.LabelNames)
        {
            var cases = strata.Where(kv => kv.Value == cls).Select(kv => kv.Key).ToArray();
            int inTest = cases.Count(c => s.Assignment[d.Cases[c][0]] == "test");
            Assert.InRange(inTest, 0.2 * cases.Length - 2, 0.2 * cases.Length + 2);
        }
        Assert.Throws<ArgumentException>(() => CaseSplit.Split(d, 0, new[] { ("train", 0.9), ("test", 0.2) }));
    }

    [Fact]
    public void Multilabel_cases_are_stratified_by_their_rarest_finding()
    {
        var labels = new LabelMatrix(4, new[] { "common", "rare" }, new float[] { 1, 0, 1, 1, 0, 0, float.NaN, float.NaN });
        var d = MedicalDataset.Multilabel("m", Fixtures.Images(4), labels,
            Fixtures.Meta(4, (MetadataColumns.CaseId, new[] { "p", "q", "r", "s" })));
        var strata = CaseStrata.Of(d);
        Assert.Equal("common", strata["p"]);
        Assert.Equal("rare", strata["q"]);
        Assert.Equal(CaseStrata.NoFinding, strata["r"]);
        Assert.Equal(CaseStrata.Unlabelled, strata["s"]);
    }

    [Fact]
    public void Label_fractions_sample_whole_cases_with_every_class_reproducibly_and_nested()
    {
        var d = Fixtures.ManyCases(500, 5);
        var tenth = LabelFractions.Sample(d, 0.1, seed: 7);
        var cases = tenth.Select(r => d.CaseIds[r]).Distinct().ToArray();
        Assert.Equal(50, cases.Length);
        Assert.All(cases, c => Assert.All(d.Cases[c], r => Assert.Contains(r, tenth))); // whole cases
        Assert.Equal(d.LabelNames.Count, tenth.Select(r => d.Targets![r]).Distinct().Count());
        Assert.Equal(tenth, LabelFractions.Sample(d, 0.1, seed: 7));
        Assert.NotEqual(tenth, LabelFractions.Sample(d, 0.1, seed: 8));
        Assert.Subset(LabelFractions.Sample(d, 0.5, seed: 7).ToHashSet(), tenth.ToHashSet());
        Assert.Equal(d.Count, LabelFractions.Sample(d, 1.0).Length);
    }

    [Fact]
    public void Tiny_fractions_keep_one_case_per_class_when_they_allow_and_at_least_one_case()
    {
        var d = Fixtures.ManyCases(500, 5);
        var strata = CaseStrata.Of(d);
        var onePercent = LabelFractions.Sample(d, 0.01).Select(r => d.CaseIds[r]).Distinct().ToArray();
        Assert.Equal(5, onePercent.Length);
        Assert.Equal(5, onePercent.Select(c => strata[c]).Distinct().Count());
        var minimal = LabelFractions.Sample(d, 0.001).Select(r => d.CaseIds[r]).Distinct();
        Assert.Single(minimal);
        var subset = LabelFractions.Subset(d, 0.1);
        Assert.Equal("many@10%", subset.Name);
        Assert.Throws<ArgumentOutOfRangeException>(() => LabelFractions.Sample(d, 0));
    }

    [Fact]
    public void Proportional_dealing_hits_the_shares_exactly_on_every_prefix_multiple()
    {
        var buckets = ProportionalDeal.Buckets(20, new[] { 0.7, 0.1, 0.2 });
        Assert.Equal(new[] { 14, 2, 4 }, Enumerable.Range(0, 3).Select(b => buckets.Count(x => x == b)));
        Assert.Equal(new[] { 7, 1, 2 }, Enumerable.Range(0, 3).Select(b => buckets.Take(10).Count(x => x == b)));
    }
}
