namespace MedSsl.Data;

/// <summary>
/// A dataset's rows assigned to named splits (train / val / test): the source's own split read from a
/// metadata column, or a case-level re-split from <see cref="CaseSplit"/>. Rows with no split are in none.
/// </summary>
public sealed class DatasetSplits
{
    readonly Dictionary<string, int[]> rows;

    public DatasetSplits(MedicalDataset dataset, IReadOnlyList<string> assignment)
    {
        if (assignment.Count != dataset.Count)
            throw new ArgumentException($"{assignment.Count} split assignments for {dataset.Count} rows of {dataset.Name}.");
        Dataset = dataset;
        Assignment = assignment.ToArray();
        rows = Enumerable.Range(0, dataset.Count).Where(r => Assignment[r].Length > 0).GroupBy(r => Assignment[r], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        Names = rows.Keys.OrderBy(SplitOrder).ThenBy(n => n, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The source's split as its metadata says (default column <see cref="MetadataColumns.Split"/>).</summary>
    public static DatasetSplits FromColumn(MedicalDataset dataset, string column = MetadataColumns.Split) =>
        new(dataset, dataset.Metadata[column].ToArray());

    public MedicalDataset Dataset { get; }

    /// <summary>The split of every row ("" for none).</summary>
    public IReadOnlyList<string> Assignment { get; }

    /// <summary>Split names: train, val/valid, test first, then any others by name.</summary>
    public IReadOnlyList<string> Names { get; }

    public IReadOnlyList<int> RowsOf(string split) =>
        rows.TryGetValue(split, out var r) ? r : throw new KeyNotFoundException($"No split '{split}' in {Dataset.Name}; splits: {string.Join(", ", Names)}.");

    /// <summary>One split as its own dataset.</summary>
    public MedicalDataset this[string split] => Dataset.Subset(RowsOf(split), $"{Dataset.Name}/{split}");

    public MedicalDataset Train => this["train"];
    public MedicalDataset Val => this["val"];
    public MedicalDataset Test => this["test"];

    /// <summary>Cases every split holds.</summary>
    public int CaseCount(string split) => RowsOf(split).Select(r => Dataset.CaseIds[r]).Distinct().Count();

    /// <summary>The dataset with the assignment written to a metadata column (e.g. to save a re-split).</summary>
    public MedicalDataset ToColumn(string column = MetadataColumns.Split) =>
        Dataset.WithMetadata(Dataset.Metadata.With(column, Assignment.ToArray()));

    static int SplitOrder(string name) => name switch
    {
        "train" => 0, "train_val" => 0, "val" or "valid" or "validation" => 1, "test" => 2, _ => 3,
    };
}
