namespace MedSsl.Tests;

public class DatasetSummaryTests
{
    [Fact]
    public void Summary_counts_bags_labels_per_split_and_leakage()
    {
        var d = Fixtures.Multiclass(new[] { 0, 0, 1, 1, 1, 0, 1, 1 },
            new[] { "a", "a", "b", "c", "c", "c", "d", "d" },
            new[] { "train", "test", "train", "train", "train", "val", "test", "test" }, new[] { "neg", "pos" });
        var s = DatasetSummary.Of(d);
        Assert.Equal(new[] { 1, 2, 1, 0 }, s.CasesBySize);
        Assert.Equal(2, s.SourceLeakage!.Count); // a: train+test, c: train+val
        Assert.Equal(3, s.LabelCount("train", 1));
        Assert.True(s.ResplitLeakage.IsClean);
        var text = s.ToText();
        Assert.Contains("images 8   cases 4", text);
        Assert.Equal(new[] { "cases", "1", "2", "1", "0" }, Tokens(text, "cases "));
        Assert.Equal(new[] { "class", "train", "val", "test", "total" }, Tokens(text, "class "));
        Assert.Equal(new[] { "pos", "3", "0", "2", "5" }, Tokens(text, "pos "));
        var columns = text.Split('\n').Where(l => l.StartsWith("class ") || l.StartsWith("pos ")).Select(l => l.IndexOf("total") is var i and >= 0 ? i + 5 : l.Length).Distinct();
        Assert.Single(columns); // right-aligned: the totals column ends at the same place on every row
        Assert.Contains("source split leaks: 2 cases (5 images)", text);
        Assert.Contains("leakage after re-split: 0 cases", text);
        Assert.Equal(text, s.ToMimeBundle()["text/plain"]);
    }

    static string[] Tokens(string text, string start) =>
        text.Split('\n').Single(l => l.StartsWith(start)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
