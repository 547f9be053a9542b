using MedSsl.Torch;

namespace MedSsl.Data;

/// <summary>
/// Labels as a float matrix [N, L] with named columns: 1 positive, 0 negative, NaN not labelled or
/// uncertain (TorchXRayVision's convention). Kept in managed memory so datasets need no disposal;
/// <see cref="ToTensor"/> makes the float32 tensor a loss wants.
/// </summary>
public sealed class LabelMatrix
{
    readonly float[] values;

    /// <summary>A matrix over row-major values (length rows × names.Count); the array is taken, not copied.</summary>
    public LabelMatrix(int rows, IReadOnlyList<string> names, float[] values)
    {
        Names = names.ToArray();
        Rows = rows;
        if (values.Length != (long)rows * Names.Count)
            throw new ArgumentException($"{values.Length} label values do not fill {rows} rows of {Names.Count} labels.");
        var duplicate = Names.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1);
        if (duplicate != null) throw new ArgumentException($"Label '{duplicate.Key}' appears twice.");
        this.values = values;
    }

    /// <summary>An empty matrix (no labels) for unlabeled data.</summary>
    public static LabelMatrix None(int rows) => new(rows, Array.Empty<string>(), Array.Empty<float>());

    /// <summary>One-hot rows for class indices; -1 (unknown class) gives a row of NaN.</summary>
    public static LabelMatrix OneHot(IReadOnlyList<string> names, IReadOnlyList<int> targets)
    {
        var values = new float[targets.Count * names.Count];
        for (int i = 0; i < targets.Count; i++)
        {
            var row = values.AsSpan(i * names.Count, names.Count);
            if (targets[i] < 0) row.Fill(float.NaN);
            else row[targets[i]] = 1;
        }
        return new LabelMatrix(targets.Count, names, values);
    }

    public IReadOnlyList<string> Names { get; }

    public int Columns => Names.Count;

    public int Rows { get; }

    public float this[int row, int column] => values[row * Columns + column];

    /// <summary>One row's labels.</summary>
    public ReadOnlySpan<float> Row(int row) => values.AsSpan(row * Columns, Columns);

    /// <summary>The index of a label by name (exact), or -1.</summary>
    public int IndexOf(string name) => Names.ToList().IndexOf(name);

    /// <summary>Positives, negatives and unlabelled rows of one column.</summary>
    public (int Positive, int Negative, int Unknown) Count(int column)
    {
        int pos = 0, neg = 0, unknown = 0;
        for (int r = 0; r < Rows; r++)
        {
            var v = this[r, column];
            if (float.IsNaN(v)) unknown++;
            else if (v > 0.5f) pos++;
            else neg++;
        }
        return (pos, neg, unknown);
    }

    /// <summary>The given rows, in the given order.</summary>
    public LabelMatrix Select(IReadOnlyList<int> rows)
    {
        var result = new float[rows.Count * Columns];
        for (int i = 0; i < rows.Count; i++) Row(rows[i]).CopyTo(result.AsSpan(i * Columns, Columns));
        return new LabelMatrix(rows.Count, Names, result);
    }

    /// <summary>Columns picked by source index (-1 inserts a NaN column), under new names.</summary>
    public LabelMatrix Remap(IReadOnlyList<string> names, IReadOnlyList<int> sourceColumns)
    {
        var result = new float[Rows * names.Count];
        for (int r = 0; r < Rows; r++)
            for (int c = 0; c < names.Count; c++)
                result[r * names.Count + c] = sourceColumns[c] < 0 ? float.NaN : this[r, sourceColumns[c]];
        return new LabelMatrix(Rows, names, result);
    }

    /// <summary>Matrices with the same label names stacked row-wise.</summary>
    public static LabelMatrix Concat(IReadOnlyList<LabelMatrix> parts)
    {
        var names = parts[0].Names;
        foreach (var p in parts)
            if (!p.Names.SequenceEqual(names))
                throw new ArgumentException($"Label names differ ([{string.Join(", ", names)}] vs [{string.Join(", ", p.Names)}]); Relabel first.");
        return new LabelMatrix(parts.Sum(p => p.Rows), names, parts.SelectMany(p => p.values).ToArray());
    }

    /// <summary>The labels as a new float32 tensor [N, L] owned by the caller.</summary>
    public Tensor ToTensor() => torch.tensor(values.ToArray(), Rows, Columns);
}
