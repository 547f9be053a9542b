using System.Collections;
using System.Net;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace MedSsl.Display;

/// <summary>
/// The formatter's built-in table for sequences whose element type is a record, an anonymous type, a value tuple or a
/// key/value pair: one row per item, one column per property (fields for tuples), an index column as pandas
/// shows it. Decided from the static element type, so a lazy query is enumerated once.
/// </summary>
internal static class RecordTables
{
    public static bool IsTabular(IEnumerable items) => Columns(items.GetType()) is not null;

    /// <summary>"text/html" and "text/plain" tables, or null when the elements are not record-like.</summary>
    public static IReadOnlyDictionary<string, string>? TryRender(IEnumerable items, int maxRows)
    {
        if (Columns(items.GetType()) is not { } columns) return null;
        var rows = new List<string[]>();
        var more = false;
        foreach (var item in items)
        {
            if (rows.Count == maxRows) { more = true; break; }
            rows.Add(columns.Select(c => Formatter.ItemText(item is null ? null : c.Get(item))).ToArray());
        }
        var names = columns.Select(c => c.Name).ToArray();
        return new Dictionary<string, string> { ["text/html"] = Html(names, rows, more), ["text/plain"] = Text(names, rows, more) };
    }

    sealed record Column(string Name, Func<object, object?> Get);

    static Column[]? Columns(Type sequenceType)
    {
        var element = sequenceType.GetInterfaces().Append(sequenceType)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            ?.GetGenericArguments()[0];
        if (element is null || !IsRecordLike(element)) return null;
        if (element.FullName?.StartsWith("System.ValueTuple`", StringComparison.Ordinal) == true)
            return element.GetFields().Select(f => new Column(f.Name, o => f.GetValue(o))).ToArray();
        return element.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is not null && p.Name != "EqualityContract")
            .Select(p => new Column(p.Name, o => p.GetValue(o))).ToArray();
    }

    static bool IsRecordLike(Type t) =>
        (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(KeyValuePair<,>))
        || t.FullName?.StartsWith("System.ValueTuple`", StringComparison.Ordinal) == true
        || (t.IsDefined(typeof(CompilerGeneratedAttribute)) && t.Name.Contains("AnonymousType"))
        // Records: the compiler emits a protected PrintMembers(StringBuilder) for class and struct records.
        || t.GetMethod("PrintMembers", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public,
                       [typeof(StringBuilder)]) is { } m && m.IsDefined(typeof(CompilerGeneratedAttribute));

    static string Html(string[] names, List<string[]> rows, bool more)
    {
        var sb = new StringBuilder("<table>\n<thead><tr><th></th>");
        foreach (var n in names) sb.Append("<th>").Append(WebUtility.HtmlEncode(n)).Append("</th>");
        sb.Append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < rows.Count; r++)
        {
            sb.Append("<tr><th>").Append(r).Append("</th>");
            foreach (var cell in rows[r]) sb.Append("<td>").Append(WebUtility.HtmlEncode(cell)).Append("</td>");
            sb.Append("</tr>\n");
        }
        if (more) sb.Append("<tr><th>…</th>").Append(string.Concat(names.Select(_ => "<td>…</td>"))).Append("</tr>\n");
        return sb.Append("</tbody>\n</table>").ToString();
    }

    static string Text(string[] names, List<string[]> rows, bool more)
    {
        var index = rows.Select((_, i) => i.ToString()).Append(more ? "…" : null).OfType<string>().ToList();
        var widths = names.Select((n, c) => rows.Select(r => r[c].Length).Append(n.Length).Max()).ToArray();
        var indexWidth = index.Select(s => s.Length).DefaultIfEmpty(0).Max();
        var sb = new StringBuilder(new string(' ', indexWidth));
        for (int c = 0; c < names.Length; c++) sb.Append("  ").Append(names[c].PadLeft(widths[c]));
        for (int r = 0; r < rows.Count; r++)
        {
            sb.Append('\n').Append(index[r].PadRight(indexWidth));
            for (int c = 0; c < names.Length; c++) sb.Append("  ").Append(rows[r][c].PadLeft(widths[c]));
        }
        if (more) sb.Append("\n…");
        return sb.ToString();
    }
}
