using MedSsl.Torch;

namespace MedSsl.Metrics;

/// <summary>Counts [true class, predicted class] (scikit-learn's confusion_matrix layout: rows are truth).</summary>
public static class ConfusionMatrix
{
    public static long[,] compute(int[] labels, int[] predictions, int num_classes)
    {
        MetricInputs.CheckRows(predictions.Length, labels.Length, "ConfusionMatrix");
        var m = new long[num_classes, num_classes];
        for (var i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= num_classes || (uint)predictions[i] >= num_classes)
                throw new ArgumentException($"ConfusionMatrix: row {i} has label {labels[i]} / prediction {predictions[i]} " +
                                            $"outside 0..{num_classes - 1}.");
            m[labels[i], predictions[i]]++;
        }
        return m;
    }

    /// <summary>From scores [N, C]: the prediction is the argmax.</summary>
    public static long[,] compute(double[,] scores, int[] labels) =>
        compute(labels, Accuracy.predictions(scores), scores.GetLength(1));

    public static long[,] compute(Tensor scores, Tensor labels) =>
        compute(MetricInputs.Matrix(scores), MetricInputs.Labels(labels));
}
