namespace MedSsl.Data;

/// <summary>
/// The CSV rows a file-based reader keeps, with each row's image file and harmonised values; turns them
/// into a metadata table holding every source column by its own name, the harmonised columns and
/// <see cref="MetadataColumns.Path"/>.
/// </summary>
internal sealed class KeptRows
{
    readonly CsvTable csv;
    readonly string root;
    readonly List<CsvRow> rows = new();
    readonly List<string> paths = new();
    readonly Dictionary<string, List<string>> harmonised = new();

    public KeptRows(CsvTable csv, string root) => (this.csv, this.root) = (csv, root);

    public int Count => rows.Count;

    /// <summary>Full paths of the kept images.</summary>
    public IReadOnlyList<string> Paths => paths;

    public void Keep(CsvRow row, string path, params (string Column, string Value)[] values)
    {
        rows.Add(row);
        paths.Add(path);
        foreach (var (column, value) in values)
        {
            if (!harmonised.TryGetValue(column, out var list)) harmonised[column] = list = new List<string>();
            if (list.Count != rows.Count - 1) throw new InvalidOperationException($"Column {column} was not given for every row.");
            list.Add(value);
        }
    }

    public MetadataTable Metadata()
    {
        var columns = csv.Header.Select((name, c) => KeyValuePair.Create(name, rows.Select(r => r[c]).ToArray()))
            .Where(kv => !harmonised.ContainsKey(kv.Key) && kv.Key != MetadataColumns.Path)
            .Concat(harmonised.Select(kv => KeyValuePair.Create(kv.Key, kv.Value.ToArray())))
            .Append(KeyValuePair.Create(MetadataColumns.Path, paths.Select(p => ImageFiles.Relative(root, p)).ToArray()));
        return new MetadataTable(rows.Count, columns);
    }
}
