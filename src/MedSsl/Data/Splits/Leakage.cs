namespace MedSsl.Data;

/// <summary>A case whose images sit in more than one split.</summary>
public sealed record LeakedCase(string CaseId, IReadOnlyList<string> Splits, int Images);

/// <summary>Every case found in two or more splits; <see cref="IsClean"/> when there is none.</summary>
public sealed class LeakageReport
{
    public LeakageReport(IReadOnlyList<LeakedCase> cases, IReadOnlyList<string> splitNames)
    {
        Cases = cases;
        SplitNames = splitNames;
    }

    public IReadOnlyList<LeakedCase> Cases { get; }

    public IReadOnlyList<string> SplitNames { get; }

    public int Count => Cases.Count;

    public bool IsClean => Count == 0;

    /// <summary>Images belonging to leaked cases.</summary>
    public int Images => Cases.Sum(c => c.Images);

    /// <summary>Leaked cases per combination of splits ("train+val" → 12), most frequent first.</summary>
    public IReadOnlyList<(string Splits, int Cases)> ByCombination =>
        Cases.GroupBy(c => string.Join("+", c.Splits)).Select(g => (g.Key, g.Count()))
            .OrderByDescending(p => p.Item2).ThenBy(p => p.Key, StringComparer.Ordinal).ToList();

    /// <summary>Leaked cases shared by each pair of splits (a case in all three counts for each of its pairs).</summary>
    public int SharedBy(string a, string b) => Cases.Count(c => c.Splits.Contains(a) && c.Splits.Contains(b));

    public override string ToString() => IsClean ? "no case is in more than one split"
        : $"{Count} cases ({Images} images) are in more than one split: " +
          string.Join(", ", ByCombination.Select(p => $"{p.Splits} {p.Cases}"));
}

/// <summary>Finds cases (lesions, patients) that cross splits: the leakage that inflates test scores.</summary>
public static class Leakage
{
    /// <summary>Checks a split of a dataset; cases are grouped by <paramref name="caseColumn"/>.</summary>
    public static LeakageReport Check(DatasetSplits splits, string caseColumn = MetadataColumns.CaseId)
    {
        var ids = splits.Dataset.Metadata[caseColumn];
        var leaked = new List<LeakedCase>();
        foreach (var group in Enumerable.Range(0, ids.Count).Where(r => splits.Assignment[r].Length > 0)
                     .GroupBy(r => ids[r], StringComparer.Ordinal))
        {
            var inSplits = splits.Names.Where(n => group.Any(r => splits.Assignment[r] == n)).ToArray();
            if (inSplits.Length > 1) leaked.Add(new LeakedCase(group.Key, inSplits, group.Count()));
        }
        return new LeakageReport(leaked.OrderBy(c => c.CaseId, StringComparer.Ordinal).ToArray(), splits.Names);
    }

    /// <summary>Checks the source's own split (the <see cref="MetadataColumns.Split"/> column).</summary>
    public static LeakageReport OfSourceSplit(MedicalDataset dataset) => Check(DatasetSplits.FromColumn(dataset));
}
