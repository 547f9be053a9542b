using System.Globalization;

namespace MedSsl.Data;

/// <summary>
/// A per-image CSV joined onto a dataset row by row (DermaMNIST's lesion map onto its arrays, NIH1000's
/// label table onto its archive). The join is checked, not trusted: every dataset row must find exactly one
/// CSV row, and the columns named in <see cref="Agree"/> and <see cref="LabelColumn"/> must agree with the
/// arrays, or the join fails naming the CSV line and column. All CSV columns become metadata columns.
/// </summary>
public sealed record CsvJoin(string File)
{
    /// <summary>CSV column → metadata column that together identify a row (e.g. split → Split, index → Index).</summary>
    public IReadOnlyDictionary<string, string> Keys { get; init; } = new Dictionary<string, string>();

    /// <summary>CSV column → metadata column holding the same id, compared by the number in each
    /// ("HAM_0006180" agrees with 6180).</summary>
    public IReadOnlyDictionary<string, string> Agree { get; init; } = new Dictionary<string, string>();

    /// <summary>A CSV column holding the class index, checked against the dataset's targets.</summary>
    public string? LabelColumn { get; init; }

    /// <summary>The dataset with the CSV's columns added to its metadata.</summary>
    public MedicalDataset Apply(MedicalDataset dataset)
    {
        if (Keys.Count == 0) throw new ArgumentException($"Joining {File} needs at least one key column.");
        var csv = CsvTable.Read(File);
        csv.Require(Keys.Keys.Concat(Agree.Keys).Concat(LabelColumn is null ? Array.Empty<string>() : new[] { LabelColumn }));
        var byKey = Index(csv);
        var meta = dataset.Metadata;
        var matched = new CsvRow[dataset.Count];
        for (int r = 0; r < dataset.Count; r++)
        {
            var key = string.Join("\u001f", Keys.Values.Select(m => meta[r, m]));
            if (!byKey.TryGetValue(key, out var row))
                throw new DatasetException(File, null, string.Join("', '", Keys.Keys),
                    $"no row for {Describe(Keys.Values.Select(m => $"{m} {meta[r, m]}"))} ({dataset.Images.Describe(r)}).");
            Check(matched[r] = row, csv, dataset, r);
        }
        var added = csv.Header.Select((name, c) => (name, c)).Where(h => !meta.Has(h.name))
            .Select(h => KeyValuePair.Create(h.name, matched.Select(row => row[h.c]).ToArray()));
        return dataset.WithMetadata(new MetadataTable(dataset.Count,
            meta.Columns.Select(c => KeyValuePair.Create(c, meta[c].ToArray())).Concat(added)));
    }

    Dictionary<string, CsvRow> Index(CsvTable csv)
    {
        var columns = Keys.Keys.Select(csv.Column).ToArray();
        var byKey = new Dictionary<string, CsvRow>(StringComparer.Ordinal);
        var issues = new RowIssues(BadRows.Throw);
        foreach (var row in csv.Rows)
        {
            if (!csv.Complete(row, issues)) continue;
            var key = string.Join("\u001f", columns.Select(c => row[c].Trim()));
            if (!byKey.TryAdd(key, row))
                throw new DatasetException(File, row.Line, string.Join("', '", Keys.Keys),
                    $"the key {Describe(columns.Select(c => row[c]))} also appears on line {byKey[key].Line}.");
        }
        return byKey;
    }

    void Check(CsvRow row, CsvTable csv, MedicalDataset dataset, int r)
    {
        foreach (var (column, metaColumn) in Agree)
        {
            string value = row[csv.Column(column)], expected = dataset.Metadata[r, metaColumn];
            if (Number(value) is not { } a || a != Number(expected))
                throw new DatasetException(File, row.Line, column,
                    $"'{value}' does not match {metaColumn} = {expected} of {dataset.Images.Describe(r)}: the files do not belong together.");
        }
        if (LabelColumn is null) return;
        var label = row[csv.Column(LabelColumn)];
        var target = dataset.Targets?[r] ?? throw new InvalidOperationException($"{dataset.Name} has no class indices to check {LabelColumn} against.");
        if (Number(label) != target)
            throw new DatasetException(File, row.Line, LabelColumn,
                $"label '{label}' does not match class {target} of {dataset.Images.Describe(r)}: the files do not belong together.");
    }

    static string Describe(IEnumerable<string> parts) => string.Join(", ", parts);

    // The digits of an id, as a number: "HAM_0006180" → 6180; null when there are none.
    static long? Number(string id)
    {
        var digits = new string(id.Where(char.IsAsciiDigit).ToArray());
        return digits.Length > 0 && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }
}
