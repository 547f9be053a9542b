using System.Collections;
using System.Reflection;
using System.Text;

namespace MedSsl.Display;

/// <summary>
/// A result table (one row per run, method or label fraction): text/html &lt;table&gt; and text/plain with
/// aligned columns. Numbers are formatted per column so they line up (see <see cref="TableFormat"/>);
/// <see cref="WithFormat"/> overrides a column ("0.0%" for accuracies, "F3").
/// </summary>
public sealed class Table : IMimeRenderable
{
    readonly List<object?[]> rows;
    readonly Dictionary<string, string> formats = new();

    public Table(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<object?>> rows)
    {
        if (columns.Count == 0) throw new ArgumentException("A table needs at least one column.");
        var dup = columns.GroupBy(c => c).FirstOrDefault(g => g.Count() > 1);
        if (dup != null) throw new ArgumentException($"Column '{dup.Key}' appears twice.");
        Columns = columns.ToArray();
        this.rows = rows.Select((r, i) => r.Count == columns.Count ? r.ToArray()
            : throw new ArgumentException($"Row {i} has {r.Count} values for {columns.Count} columns ({string.Join(", ", columns)}).")).ToList();
    }

    /// <summary>
    /// Rows from records or objects (public properties and fields, in declaration order), anonymous
    /// objects, or dictionaries keyed by column name (columns in order of first appearance; a key a row
    /// lacks leaves its cell empty).
    /// </summary>
    public static Table From<T>(IEnumerable<T> rows)
    {
        var list = rows.ToList();
        if (list.Count > 0 && list.All(r => r is IDictionary || r is IEnumerable<KeyValuePair<string, object?>>))
        {
            var dicts = list.Select(r => AsDictionary(r)).ToList();
            var keys = dicts.SelectMany(d => d.Keys).Distinct().ToList();
            return new Table(keys, dicts.Select(d => keys.Select(k => d.GetValueOrDefault(k)).ToArray()));
        }
        // Rows typed as object (a List<object> of anonymous objects) are read by the first row's type.
        var type = typeof(T) == typeof(object) && list.FirstOrDefault() is { } first ? first.GetType() : typeof(T);
        var members = type.GetMembers(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m is FieldInfo || m is PropertyInfo { CanRead: true } p && p.GetIndexParameters().Length == 0)
            .OrderBy(m => m.MetadataToken).ToList();
        if (members.Count == 0)
            throw new ArgumentException($"{type.Name} has no public properties or fields to make columns of.");
        object? read(MemberInfo m, object? row) =>
            row is null ? null : m is FieldInfo f ? f.GetValue(row) : ((PropertyInfo)m).GetValue(row);
        return new Table(members.Select(m => m.Name).ToList(), list.Select(r => members.Select(m => read(m, r)).ToArray()));
    }

    public IReadOnlyList<string> Columns { get; }
    public int RowCount => rows.Count;

    /// <summary>The cell value (unformatted).</summary>
    public object? this[int row, string column] => rows[row][ColumnIndex(column)];

    public string? Caption { get; private set; }

    /// <summary>Rows beyond this are elided in the middle ("… 940 rows not shown …").</summary>
    public int MaxRows
    {
        get => maxRows;
        set => maxRows = value >= 2 ? value : throw new ArgumentException($"MaxRows must be at least 2; got {value}.");
    }

    int maxRows = 60;

    public Table WithCaption(string caption)
    {
        Caption = caption;
        return this;
    }

    /// <summary>A .NET format for one column's numbers: "0.0%", "F3", "0.00e+0".</summary>
    public Table WithFormat(string column, string format)
    {
        ColumnIndex(column);
        formats[column] = format;
        return this;
    }

    public IReadOnlyDictionary<string, string> ToMimeBundle() => new Dictionary<string, string>
    {
        ["text/html"] = ToHtml(),
        ["text/plain"] = ToText(),
    };

    public override string ToString() => ToText();

    /// <summary>Aligned columns: numbers right, text left; a dashed rule under the header.</summary>
    public string ToText()
    {
        var (cells, numeric) = Render();
        var header = Columns.ToArray();
        var widths = Columns.Select((c, j) => cells.Where(r => r != null).Select(r => r![j].Length).Append(c.Length).Max()).ToArray();
        string line(string[] r) => string.Join("  ", r.Select((v, j) => numeric[j] ? v.PadLeft(widths[j]) : v.PadRight(widths[j]))).TrimEnd();
        var sb = new StringBuilder();
        if (Caption != null) sb.AppendLine(Caption);
        sb.AppendLine(line(header));
        sb.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var r in cells) sb.AppendLine(r is null ? Elision() : line(r));
        return sb.ToString().TrimEnd('\n', '\r');
    }

    public string ToHtml()
    {
        var (cells, numeric) = Render();
        string align(int j) => numeric[j] ? "right" : "left";
        var sb = new StringBuilder("<table class=\"medssl-table\">");
        if (Caption != null) sb.Append($"<caption>{Html.Escape(Caption)}</caption>");
        sb.Append("<thead><tr>");
        for (int j = 0; j < Columns.Count; j++) sb.Append($"<th style=\"text-align:{align(j)}\">{Html.Escape(Columns[j])}</th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var r in cells)
        {
            if (r is null) { sb.Append($"<tr><td colspan=\"{Columns.Count}\" style=\"text-align:center\">{Html.Escape(Elision())}</td></tr>"); continue; }
            sb.Append("<tr>");
            for (int j = 0; j < r.Length; j++) sb.Append($"<td style=\"text-align:{align(j)}\">{Html.Escape(r[j])}</td>");
            sb.Append("</tr>");
        }
        return sb.Append("</tbody></table>").ToString();
    }

    string Elision() => $"… {rows.Count - MaxRows} rows not shown …";

    // The rows to show: all, or the first ¾ and last ¼ of MaxRows around an elision marker (null).
    List<object?[]?> Shown()
    {
        if (rows.Count <= MaxRows) return rows.Select(r => (object?[]?)r).ToList();
        int tail = MaxRows / 4, head = MaxRows - tail;
        return rows.Take(head).Append(null).Concat(rows.Skip(rows.Count - tail)).ToList();
    }

    (List<string[]?> Cells, bool[] Numeric) Render()
    {
        // Formats are chosen from every row, shown or not, so the visible digits match the full column.
        var fmt = Columns.Select((c, j) => TableFormat.ForColumn(rows.Select(r => r[j]), formats.GetValueOrDefault(c))).ToArray();
        var cells = Shown().Select(r => r?.Select((v, j) => fmt[j].Format(v)).ToArray()).ToList();
        return (cells, fmt.Select(f => f.Numeric).ToArray());
    }

    int ColumnIndex(string column)
    {
        var j = Array.IndexOf((string[])Columns, column);
        return j >= 0 ? j : throw new KeyNotFoundException($"No column '{column}'; columns are {string.Join(", ", Columns)}.");
    }

    static Dictionary<string, object?> AsDictionary(object? row) => row switch
    {
        IDictionary d => d.Keys.Cast<object>().ToDictionary(k => k.ToString()!, k => d[k]),
        IEnumerable<KeyValuePair<string, object?>> kv => kv.ToDictionary(p => p.Key, p => p.Value),
        _ => throw new ArgumentException("Mixed rows: some are dictionaries, some are not."),
    };
}
