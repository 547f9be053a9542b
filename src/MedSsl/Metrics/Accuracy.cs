using MedSsl.Torch;

namespace MedSsl.Metrics;

/// <summary>
/// Classification accuracy from scores [N, C] (logits or probabilities) and true classes [N]: the Derm task's
/// top-1 (paper-notes §3). Ties rank the lower class index first, as torch.argmax and numpy.argmax do.
/// </summary>
public static class Accuracy
{
    public static double top1(double[,] scores, int[] labels) => topk(scores, labels, 1);

    /// <summary>Fraction of rows whose true class is among the k best-scored.</summary>
    public static double topk(double[,] scores, int[] labels, int k)
    {
        var (n, c) = Check(scores, labels, "Accuracy.topk");
        if (k < 1 || k > c) throw new ArgumentException($"Accuracy.topk: k = {k} is outside 1..{c}.");
        var hits = 0;
        for (var i = 0; i < n; i++)
            if (Rank(scores, i, labels[i], c) < k) hits++;
        return (double)hits / n;
    }

    /// <summary>Top-1 accuracy of each class's rows; NaN for a class with no rows.</summary>
    public static double[] per_class(double[,] scores, int[] labels)
    {
        var (n, c) = Check(scores, labels, "Accuracy.per_class");
        var hits = new int[c];
        var counts = new int[c];
        for (var i = 0; i < n; i++)
        {
            counts[labels[i]]++;
            if (Rank(scores, i, labels[i], c) == 0) hits[labels[i]]++;
        }
        return hits.Select((h, j) => counts[j] == 0 ? double.NaN : (double)h / counts[j]).ToArray();
    }

    /// <summary>The predicted class of each row (argmax, first on ties).</summary>
    public static int[] predictions(double[,] scores)
    {
        var (n, c) = (scores.GetLength(0), scores.GetLength(1));
        var pred = new int[n];
        for (var i = 0; i < n; i++)
            for (var j = 1; j < c; j++)
                if (scores[i, j] > scores[i, pred[i]]) pred[i] = j;
        return pred;
    }

    public static double top1(Tensor scores, Tensor labels) => top1(MetricInputs.Matrix(scores), MetricInputs.Labels(labels));
    public static double topk(Tensor scores, Tensor labels, int k) => topk(MetricInputs.Matrix(scores), MetricInputs.Labels(labels), k);
    public static double[] per_class(Tensor scores, Tensor labels) => per_class(MetricInputs.Matrix(scores), MetricInputs.Labels(labels));

    /// <summary>0-based rank of class y in row i: classes scored higher, plus tied classes with a lower index.</summary>
    static int Rank(double[,] scores, int i, int y, int c)
    {
        var s = scores[i, y];
        var rank = 0;
        for (var j = 0; j < c; j++)
            if (scores[i, j] > s || (scores[i, j] == s && j < y)) rank++;
        return rank;
    }

    internal static (int n, int c) Check(double[,] scores, int[] labels, string what)
    {
        var (n, c) = (scores.GetLength(0), scores.GetLength(1));
        MetricInputs.CheckRows(n, labels.Length, what);
        for (var i = 0; i < n; i++)
            if (labels[i] < 0 || labels[i] >= c)
                throw new ArgumentException($"{what}: label {labels[i]} at row {i} is outside 0..{c - 1}.");
        return (n, c);
    }
}
