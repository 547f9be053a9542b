using System.Globalization;
using System.Text;
using MedSsl.Display;

namespace MedSsl.Data;

/// <summary>
/// What a researcher checks before trusting a dataset: images, cases and images per case (MICLe's bags),
/// labels per source split, whether the source split leaks cases, and a leakage-free case-level re-split.
/// Printed by <c>medssl data inspect</c>; renders as text in notebooks.
/// </summary>
public sealed class DatasetSummary : IMimeRenderable
{
    /// <summary>Bag sizes reported: 1, 2, 3 and 4 or more images per case.</summary>
    public static readonly IReadOnlyList<string> BagSizes = new[] { "1", "2", "3", "4+" };

    DatasetSummary(MedicalDataset dataset, int seed)
    {
        Dataset = dataset;
        Seed = seed;
        CasesBySize = new int[4];
        foreach (var rows in dataset.Cases.Values) CasesBySize[Math.Min(rows.Count, 4) - 1]++;
        if (dataset.Metadata.Has(MetadataColumns.Split) && dataset.Metadata[MetadataColumns.Split].Any(s => s.Length > 0))
        {
            SourceSplits = DatasetSplits.FromColumn(dataset);
            SourceLeakage = Leakage.Check(SourceSplits);
        }
        Resplit = CaseSplit.Split(dataset, seed);
        ResplitLeakage = Leakage.Check(Resplit);
    }

    public static DatasetSummary Of(MedicalDataset dataset, int seed = 0) => new(dataset, seed);

    public MedicalDataset Dataset { get; }
    public int Seed { get; }

    /// <summary>Cases with 1, 2, 3 and 4+ images.</summary>
    public int[] CasesBySize { get; }

    public DatasetSplits? SourceSplits { get; }
    public LeakageReport? SourceLeakage { get; }
    public DatasetSplits Resplit { get; }
    public LeakageReport ResplitLeakage { get; }

    /// <summary>Rows of a split (all rows when null) that have a label: class members, or positives for multilabel.</summary>
    public int LabelCount(string? split, int label) =>
        (split is null ? Enumerable.Range(0, Dataset.Count) : SourceSplits!.RowsOf(split)).Count(r => Dataset.Labels[r, label] > 0.5f);

    public string ToText()
    {
        var d = Dataset;
        var text = new StringBuilder();
        text.AppendLine($"images {N(d.Count)}   cases {N(d.Cases.Count)}   {d.Task.ToString().ToLowerInvariant()}, {d.LabelNames.Count} labels, {d.Images.Channels} channel(s)");
        if (d.SkippedRows.Count > 0)
            text.AppendLine($"skipped {N(d.SkippedRows.Count)} bad row{(d.SkippedRows.Count == 1 ? "" : "s")}; first: {d.SkippedRows[0].Message}");
        text.AppendLine();
        var bags = new TextTable(BagSizes.Prepend("images per case").ToArray());
        text.Append(bags.Add(CasesBySize.Select(N).Prepend("cases").ToArray()));
        if (d.Task != TaskKind.Unlabeled) text.AppendLine().Append(LabelTable(SourceSplits));
        text.AppendLine();
        text.AppendLine(SourceLeakage is null ? "source split: none"
            : SourceLeakage.IsClean ? $"source split ({string.Join("/", SourceSplits!.Names)}): no case is in more than one split"
            : $"source split leaks: {N(SourceLeakage.Count)} cases ({N(SourceLeakage.Images)} images) are in more than one split: " +
              string.Join(", ", SourceLeakage.ByCombination.Select(p => $"{p.Splits} {N(p.Cases)}")));
        var shares = string.Join("/", CaseSplit.TrainValTest.Select(s => (s.Share * 100).ToString("0", CultureInfo.InvariantCulture)));
        text.AppendLine($"re-split by case (seed {Seed}, {shares} of cases, stratified by class):");
        var resplit = new TextTable("split", "images", "cases");
        foreach (var n in Resplit.Names) resplit.Add(n, N(Resplit.RowsOf(n).Count), N(Resplit.CaseCount(n)));
        text.Append(resplit);
        text.AppendLine($"leakage after re-split: {N(ResplitLeakage.Count)} cases in more than one split");
        return text.ToString();
    }

    public IReadOnlyDictionary<string, string> ToMimeBundle() => new Dictionary<string, string> { ["text/plain"] = ToText() };

    public override string ToString() => ToText();

    string LabelTable(DatasetSplits? splits)
    {
        var names = splits?.Names ?? Array.Empty<string>();
        var table = new TextTable(names.Prepend(Dataset.Task == TaskKind.Multilabel ? "positives" : "class").Append("total").ToArray());
        for (int c = 0; c < Dataset.LabelNames.Count; c++)
            table.Add(names.Select(n => N(LabelCount(n, c))).Prepend(Dataset.LabelNames[c]).Append(N(LabelCount(null, c))).ToArray());
        table.Add(names.Select(n => N(splits!.RowsOf(n).Count)).Prepend("images").Append(N(Dataset.Count)).ToArray());
        return table.ToString();
    }

    static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
