using System.Globalization;

namespace MedSsl.Data;

/// <summary>
/// Per-image metadata aligned row by row with a dataset's images and labels: string columns reachable by
/// name (the harmonised <see cref="MetadataColumns"/> plus the source's own columns). An empty string
/// means "not given". Immutable: selecting rows or adding a column returns a new table.
/// </summary>
public sealed class MetadataTable
{
    readonly Dictionary<string, string[]> columns;
    readonly List<string> order;

    /// <summary>A table from named columns, all of the same length.</summary>
    public MetadataTable(int rows, IEnumerable<KeyValuePair<string, string[]>> values)
    {
        RowCount = rows;
        columns = new Dictionary<string, string[]>(StringComparer.Ordinal);
        order = new List<string>();
        foreach (var (name, column) in values)
        {
            if (column.Length != rows)
                throw new ArgumentException($"Metadata column '{name}' has {column.Length} values for {rows} rows.");
            if (!columns.TryAdd(name, column)) throw new ArgumentException($"Metadata column '{name}' is given twice.");
            order.Add(name);
        }
    }

    /// <summary>A table with no columns.</summary>
    public static MetadataTable Empty(int rows) => new(rows, Array.Empty<KeyValuePair<string, string[]>>());

    public int RowCount { get; }

    /// <summary>Column names in the order they were added.</summary>
    public IReadOnlyList<string> Columns => order;

    public bool Has(string column) => columns.ContainsKey(column);

    /// <summary>A column's values; a missing column raises an error listing the ones there are.</summary>
    public IReadOnlyList<string> this[string column] =>
        columns.TryGetValue(column, out var values) ? values
            : throw new KeyNotFoundException($"No metadata column '{column}'; columns: {string.Join(", ", order)}.");

    public string this[int row, string column] => this[column][row];

    /// <summary>A column as numbers: blank → NaN; text that is not a number raises an error naming the row.</summary>
    public double[] Numbers(string column)
    {
        var values = this[column];
        var result = new double[RowCount];
        for (int i = 0; i < RowCount; i++)
        {
            var s = values[i].Trim();
            if (s.Length == 0) { result[i] = double.NaN; continue; }
            if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out result[i]))
                throw new FormatException($"Metadata column '{column}', row {i}: '{values[i]}' is not a number.");
        }
        return result;
    }

    /// <summary>Distinct values of a column with their row counts, most frequent first.</summary>
    public IReadOnlyList<(string Value, int Count)> ValueCounts(string column) =>
        this[column].GroupBy(v => v).Select(g => (g.Key, g.Count()))
            .OrderByDescending(p => p.Item2).ThenBy(p => p.Key, StringComparer.Ordinal).ToList();

    /// <summary>The given rows, in the given order.</summary>
    public MetadataTable Select(IReadOnlyList<int> rows) =>
        new(rows.Count, order.Select(name => KeyValuePair.Create(name, rows.Select(r => columns[name][r]).ToArray())));

    /// <summary>A copy with a column added or replaced.</summary>
    public MetadataTable With(string column, string[] values) =>
        new(RowCount, order.Where(n => n != column).Select(n => KeyValuePair.Create(n, columns[n]))
            .Append(KeyValuePair.Create(column, values)));

    /// <summary>Tables stacked row-wise; a column missing from a part is blank on its rows.</summary>
    public static MetadataTable Concat(IReadOnlyList<MetadataTable> parts)
    {
        var names = parts.SelectMany(p => p.order).Distinct().ToList();
        int rows = parts.Sum(p => p.RowCount);
        return new MetadataTable(rows, names.Select(name => KeyValuePair.Create(name,
            parts.SelectMany(p => p.Has(name) ? p.columns[name] : Enumerable.Repeat("", p.RowCount)).ToArray())));
    }
}
