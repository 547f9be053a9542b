using MedSsl.Torch;

namespace MedSsl.Metrics;

/// <summary>Turns tensors into the plain arrays the metrics work on (they are small: one row per image),
/// and picks rows by index (what the bootstrap resamples).</summary>
public static class MetricInputs
{
    /// <summary>A 2-D tensor (scores [N, C]) as a double matrix.</summary>
    public static double[,] Matrix(Tensor t)
    {
        if (t.dim() != 2) throw new ArgumentException($"Expected a 2-D tensor [N, C], got [{string.Join(", ", t.shape)}].");
        using var d = t.detach().to(torch.float64).cpu().contiguous();
        var flat = d.data<double>();
        var (n, c) = ((int)t.shape[0], (int)t.shape[1]);
        var m = new double[n, c];
        Buffer.BlockCopy(flat, 0, m, 0, flat.Length * sizeof(double));
        return m;
    }

    /// <summary>A 1-D tensor of class indices as ints.</summary>
    public static int[] Labels(Tensor t)
    {
        if (t.dim() != 1) throw new ArgumentException($"Expected a 1-D tensor of class indices [N], got [{string.Join(", ", t.shape)}].");
        using var d = t.detach().to(torch.int64).cpu().contiguous();
        return d.data<long>().Select(v => checked((int)v)).ToArray();
    }

    /// <summary>A 1-D tensor as doubles.</summary>
    public static double[] Vector(Tensor t)
    {
        if (t.dim() != 1) throw new ArgumentException($"Expected a 1-D tensor [N], got [{string.Join(", ", t.shape)}].");
        using var d = t.detach().to(torch.float64).cpu().contiguous();
        return d.data<double>();
    }

    /// <summary>a[idx[0]], a[idx[1]], ...</summary>
    public static T[] Take<T>(T[] a, int[] idx)
    {
        var r = new T[idx.Length];
        for (var i = 0; i < idx.Length; i++) r[i] = a[idx[i]];
        return r;
    }

    /// <summary>The rows idx of a matrix, in that order (repeats allowed).</summary>
    public static T[,] TakeRows<T>(T[,] a, int[] idx)
    {
        var c = a.GetLength(1);
        var r = new T[idx.Length, c];
        for (var i = 0; i < idx.Length; i++)
            for (var j = 0; j < c; j++) r[i, j] = a[idx[i], j];
        return r;
    }

    internal static void CheckRows(int rows, int labels, string what)
    {
        if (rows != labels) throw new ArgumentException($"{what}: {rows} rows of scores but {labels} labels.");
        if (rows == 0) throw new ArgumentException($"{what}: no examples.");
    }
}
