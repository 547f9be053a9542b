using MedSsl.Torch;

namespace MedSsl.Metrics;

/// <summary>One bin of a reliability diagram: its confidence range, how many predictions fell in it, their
/// accuracy and mean confidence (NaN for an empty bin).</summary>
public readonly record struct CalibrationBin(double lo, double hi, int count, double accuracy, double confidence);

/// <summary>
/// Top-label calibration (Guo et al. 2017; studied for medical transfer by Mustafa et al., paper-notes §7.2):
/// each prediction's confidence is its highest probability; predictions fall into equal-width bins (lo, hi]
/// of [0, 1] (the first bin also takes 0), and ECE = Σ_b (n_b / N) · |accuracy_b − confidence_b|.
/// </summary>
public static class Calibration
{
    /// <summary>ECE of probabilities [N, C] (rows of softmax outputs) against true classes, 15 bins by default.</summary>
    public static double expected_calibration_error(double[,] probabilities, int[] labels, int bins = 15)
    {
        var n = probabilities.GetLength(0);
        return reliability(probabilities, labels, bins).Where(b => b.count > 0)
            .Sum(b => (double)b.count / n * Math.Abs(b.accuracy - b.confidence));
    }

    public static double expected_calibration_error(Tensor probabilities, Tensor labels, int bins = 15) =>
        expected_calibration_error(MetricInputs.Matrix(probabilities), MetricInputs.Labels(labels), bins);

    /// <summary>The bins behind the ECE (a reliability diagram's bars).</summary>
    public static CalibrationBin[] reliability(double[,] probabilities, int[] labels, int bins = 15)
    {
        var (n, c) = Accuracy.Check(probabilities, labels, "Calibration");
        if (bins < 1) throw new ArgumentException($"Calibration: bins must be ≥ 1, got {bins}.");
        var count = new int[bins];
        var correct = new int[bins];
        var confidence = new double[bins];
        var pred = Accuracy.predictions(probabilities);
        for (var i = 0; i < n; i++)
        {
            var p = probabilities[i, pred[i]];
            if (p is < 0 or > 1 || double.IsNaN(p))
                throw new ArgumentException($"Calibration: row {i} has top probability {p}; pass probabilities (softmax), not logits.");
            var b = Bin(p, bins);
            count[b]++;
            confidence[b] += p;
            if (pred[i] == labels[i]) correct[b]++;
        }
        return Enumerable.Range(0, bins).Select(b => new CalibrationBin(
            (double)b / bins, (double)(b + 1) / bins, count[b],
            count[b] == 0 ? double.NaN : (double)correct[b] / count[b],
            count[b] == 0 ? double.NaN : confidence[b] / count[b])).ToArray();
    }

    /// <summary>The bin b with b/bins &lt; p ≤ (b+1)/bins (bin 0 also takes p = 0), exact at the edges.</summary>
    static int Bin(double p, int bins)
    {
        var b = Math.Clamp((int)Math.Ceiling(p * bins) - 1, 0, bins - 1);
        if (b > 0 && p <= (double)b / bins) b--;
        else if (b < bins - 1 && p > (double)(b + 1) / bins) b++;
        return b;
    }
}
