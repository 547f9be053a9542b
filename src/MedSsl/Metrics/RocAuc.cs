using MedSsl.Torch;

namespace MedSsl.Metrics;

/// <summary>
/// Area under the ROC curve, computed as scikit-learn's roc_auc_score does: the curve has one point per
/// distinct score (tied scores move true and false positives together, a diagonal step), and the area is the
/// trapezoid rule over those points. The CXR task reports the mean AUC over findings (paper-notes §3).
/// </summary>
public static class RocAuc
{
    /// <summary>AUC of scores against binary labels (true = positive). Both classes must occur.</summary>
    public static double binary(double[] scores, bool[] labels)
    {
        MetricInputs.CheckRows(scores.Length, labels.Length, "RocAuc.binary");
        return Area(scores, labels) is var auc && double.IsNaN(auc)
            ? throw new ArgumentException("RocAuc.binary: only one class is present in the labels; the ROC AUC is not defined.")
            : auc;
    }

    /// <summary>One-vs-rest AUC of each class from scores [N, C]; NaN for a class that is absent from the labels
    /// (or is every label). scikit-learn's multi_class="ovr" refuses such input instead.</summary>
    public static double[] one_vs_rest(double[,] scores, int[] labels)
    {
        var (n, c) = Accuracy.Check(scores, labels, "RocAuc.one_vs_rest");
        var aucs = new double[c];
        for (var k = 0; k < c; k++)
        {
            var column = new double[n];
            var positive = new bool[n];
            for (var i = 0; i < n; i++) (column[i], positive[i]) = (scores[i, k], labels[i] == k);
            aucs[k] = Area(column, positive);
        }
        return aucs;
    }

    /// <summary>The unweighted mean of the one-vs-rest AUCs (roc_auc_score(multi_class="ovr", average="macro")).</summary>
    public static double one_vs_rest_macro(double[,] scores, int[] labels) => mean(one_vs_rest(scores, labels));

    /// <summary>AUC of each label from scores [N, L] and labels [N, L] of 1/0/NaN, where NaN means unlabelled:
    /// each label uses only its labelled rows. NaN for a label whose labelled rows hold one class only.</summary>
    public static double[] per_label(double[,] scores, double[,] labels)
    {
        var (n, l) = (scores.GetLength(0), scores.GetLength(1));
        if (labels.GetLength(0) != n || labels.GetLength(1) != l)
            throw new ArgumentException($"RocAuc.per_label: scores [{n}, {l}] and labels [{labels.GetLength(0)}, {labels.GetLength(1)}] differ in shape.");
        var aucs = new double[l];
        for (var k = 0; k < l; k++)
        {
            var s = new List<double>();
            var y = new List<bool>();
            for (var i = 0; i < n; i++)
            {
                var v = labels[i, k];
                if (double.IsNaN(v)) continue;
                if (v != 0 && v != 1) throw new ArgumentException($"RocAuc.per_label: label [{i}, {k}] is {v}; expected 0, 1 or NaN.");
                s.Add(scores[i, k]);
                y.Add(v == 1);
            }
            aucs[k] = Area(s.ToArray(), y.ToArray());
        }
        return aucs;
    }

    /// <summary>The mean of the defined (non-NaN) AUCs: the "mean AUC" of the paper's CXR results.</summary>
    public static double mean(double[] aucs)
    {
        var defined = aucs.Where(a => !double.IsNaN(a)).ToArray();
        return defined.Length > 0
            ? defined.Average()
            : throw new ArgumentException("RocAuc.mean: no AUC is defined (every class or label has a single class of examples).");
    }

    public static double binary(Tensor scores, Tensor labels) =>
        binary(MetricInputs.Vector(scores), MetricInputs.Vector(labels).Select(v => v != 0).ToArray());
    public static double[] one_vs_rest(Tensor scores, Tensor labels) => one_vs_rest(MetricInputs.Matrix(scores), MetricInputs.Labels(labels));
    public static double[] per_label(Tensor scores, Tensor labels) => per_label(MetricInputs.Matrix(scores), MetricInputs.Matrix(labels));

    /// <summary>Trapezoid area under (FPR, TPR) with one point per distinct score, from (0, 0); NaN when a class is missing.</summary>
    static double Area(double[] scores, bool[] positive)
    {
        var order = Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).ToArray();
        double totalPos = positive.Count(p => p), totalNeg = positive.Length - totalPos;
        if (totalPos == 0 || totalNeg == 0) return double.NaN;
        double tp = 0, fp = 0, prevTpr = 0, prevFpr = 0, area = 0;
        for (var r = 0; r < order.Length; r++)
        {
            if (positive[order[r]]) tp++;
            else fp++;
            var lastOfTie = r == order.Length - 1 || scores[order[r + 1]] != scores[order[r]];
            if (!lastOfTie) continue;
            double tpr = tp / totalPos, fpr = fp / totalNeg;
            area += (fpr - prevFpr) * (tpr + prevTpr) / 2;
            (prevTpr, prevFpr) = (tpr, fpr);
        }
        return area;
    }
}
