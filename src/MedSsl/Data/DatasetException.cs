namespace MedSsl.Data;

/// <summary>
/// Input the kit cannot use: a CSV row that does not parse, an unknown label value, arrays that do not line
/// up. The message names the file and, where there is one, the line and column, so the user can open the
/// file at the right place.
/// </summary>
public class DatasetException : Exception
{
    public DatasetException(string file, int? line, string? column, string problem, Exception? inner = null)
        : base(Format(file, line, column, problem), inner)
    {
        File = file;
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>The file (or "file.npz[key]") at fault.</summary>
    public string File { get; }

    /// <summary>1-based line in a text file (the header is line 1), or the row index of an array; null when the whole file is at fault.</summary>
    public int? Line { get; }

    /// <summary>The column or key at fault, if one.</summary>
    public string? Column { get; }

    /// <summary>The problem alone, without the location.</summary>
    public string Problem { get; }

    static string Format(string file, int? line, string? column, string problem)
    {
        var where = file;
        if (line is { } l) where += $", line {l}";
        if (column is { } c) where += $", column '{c}'";
        return $"{where}: {problem}";
    }
}

/// <summary>What a reader does with a row it cannot use.</summary>
public enum BadRows
{
    /// <summary>Stop with a <see cref="DatasetException"/> naming the file, line and column (the default).</summary>
    Throw,

    /// <summary>Leave the row out and record why in <see cref="MedicalDataset.SkippedRows"/>.</summary>
    Skip,
}
