using System.Text;

namespace MedSsl.Data;

/// <summary>One CSV record and the line of the file it starts on (the header is line 1).</summary>
public sealed record CsvRow(int Line, string[] Fields)
{
    public string this[int column] => Fields[column];
}

/// <summary>
/// A CSV file read whole (RFC 4180: quoted fields, doubled quotes, LF or CRLF, an optional BOM), keeping
/// each record's line number so readers can name the line at fault.
/// </summary>
public sealed class CsvTable
{
    CsvTable(string file, string[] header, List<CsvRow> rows) => (File, Header, Rows) = (file, header, rows);

    /// <summary>The path (or label) used in error messages.</summary>
    public string File { get; }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<CsvRow> Rows { get; }

    /// <summary>Reads a CSV file; a missing file raises an error naming it.</summary>
    public static CsvTable Read(string path)
    {
        if (!System.IO.File.Exists(path)) throw new FileNotFoundException($"CSV file not found: {path}", path);
        return Parse(System.IO.File.ReadAllText(path, Encoding.UTF8), path);
    }

    /// <summary>Reads only the header line of a CSV file (a cheap column check before a long read).</summary>
    public static CsvTable ReadHeader(string path)
    {
        if (!System.IO.File.Exists(path)) throw new FileNotFoundException($"CSV file not found: {path}", path);
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Parse(reader.ReadLine() ?? "", path);
    }

    /// <summary>Parses CSV text; <paramref name="file"/> names it in errors.</summary>
    public static CsvTable Parse(string text, string file)
    {
        var records = Records(text, file).ToList();
        if (records.Count == 0) throw new DatasetException(file, null, null, "the CSV file is empty (no header).");
        var header = records[0].Fields.Select(h => h.Trim()).ToArray();
        return new CsvTable(file, header, records.Skip(1).Where(r => !(r.Fields.Length == 1 && r.Fields[0].Length == 0)).ToList());
    }

    /// <summary>The index of a column; a missing one raises an error naming the file and listing the columns there are.</summary>
    public int Column(string name) =>
        OptionalColumn(name) ?? throw new DatasetException(File, 1, name,
            $"the column is missing; the header has: {string.Join(", ", Header)}.");

    /// <summary>The index of a column, or null when the file has none of that name.</summary>
    public int? OptionalColumn(string name)
    {
        int i = Array.IndexOf((string[])Header, name);
        return i < 0 ? null : i;
    }

    /// <summary>Checks that all these columns are there, naming every missing one at once.</summary>
    public void Require(IEnumerable<string> names)
    {
        var missing = names.Where(n => OptionalColumn(n) is null).ToList();
        if (missing.Count > 0)
            throw new DatasetException(File, 1, string.Join("', '", missing),
                $"{(missing.Count == 1 ? "the column is" : "the columns are")} missing; the header has: {string.Join(", ", Header)}.");
    }

    /// <summary>True when the row has as many fields as the header; otherwise reports it and returns false.</summary>
    public bool Complete(CsvRow row, RowIssues issues)
    {
        if (row.Fields.Length == Header.Count) return true;
        issues.Add(new DatasetException(File, row.Line, null,
            $"the row has {row.Fields.Length} fields, the header {Header.Count}."));
        return false;
    }

    static IEnumerable<CsvRow> Records(string text, string file)
    {
        int i = 0, line = 1;
        if (text.Length > 0 && text[0] == '\uFEFF') i = 1;
        while (i < text.Length)
        {
            int start = line;
            var fields = new List<string>();
            var field = new StringBuilder();
            bool quoted = false, atFieldStart = true;
            for (; i < text.Length; i++)
            {
                char ch = text[i];
                if (quoted)
                {
                    if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else if (ch == '"') quoted = false;
                    else { if (ch == '\n') line++; field.Append(ch); }
                }
                else if (ch == '"' && atFieldStart) { quoted = true; atFieldStart = false; }
                else if (ch == ',') { fields.Add(field.ToString()); field.Clear(); atFieldStart = true; }
                else if (ch == '\n' || ch == '\r')
                {
                    if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                    i++;
                    line++;
                    break;
                }
                else { field.Append(ch); atFieldStart = false; }
            }
            if (quoted) throw new DatasetException(file, start, null, "a quoted field is never closed.");
            fields.Add(field.ToString());
            yield return new CsvRow(start, fields.ToArray());
        }
    }
}
