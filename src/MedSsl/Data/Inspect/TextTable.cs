using System.Text;

namespace MedSsl.Data;

/// <summary>A plain-text table with aligned columns: the first left-aligned, the others right-aligned (numbers).</summary>
internal sealed class TextTable
{
    readonly List<string[]> rows = new();

    public TextTable(params string[] header) => rows.Add(header);

    public TextTable Add(params string[] cells)
    {
        rows.Add(cells);
        return this;
    }

    public override string ToString()
    {
        int columns = rows.Max(r => r.Length);
        var widths = Enumerable.Range(0, columns).Select(c => rows.Max(r => c < r.Length ? r[c].Length : 0)).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            var cells = Enumerable.Range(0, columns).Select(c =>
            {
                var cell = c < row.Length ? row[c] : "";
                return c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]);
            });
            text.AppendLine(string.Join("  ", cells).TrimEnd());
        }
        return text.ToString();
    }
}
