using MedSsl.Metrics;

namespace MedSsl.Tests.Metrics;

public sealed class AccuracyTests
{
    static readonly double[,] Scores =
    {
        { 0.7, 0.2, 0.1 },   // true 0: top-1
        { 0.3, 0.3, 0.4 },   // true 1: rank 2 (0.4 above, 0.3 tie at a lower index)
        { 0.1, 0.6, 0.3 },   // true 2: rank 1
        { 0.5, 0.5, 0.0 },   // true 1: a tie with class 0, which ranks first
    };
    static readonly int[] Labels = { 0, 1, 2, 1 };

    [Fact]
    public void Top_k_counts_the_true_class_among_the_k_best_lower_index_first_on_ties()
    {
        Assert.Equal(0.25, Accuracy.top1(Scores, Labels));
        Assert.Equal(0.75, Accuracy.topk(Scores, Labels, 2));
        Assert.Equal(1.0, Accuracy.topk(Scores, Labels, 3));
        Assert.Throws<ArgumentException>(() => Accuracy.topk(Scores, Labels, 4));
        var e = Assert.Throws<ArgumentException>(() => Accuracy.top1(Scores, new[] { 0, 1, 2, 3 }));
        Assert.Contains("label 3 at row 3", e.Message);
    }

    [Fact]
    public void Per_class_accuracy_and_confusion_matrix()
    {
        Assert.Equal(new[] { 1.0, 0.0, 0.0 }, Accuracy.per_class(Scores, Labels));
        var m = ConfusionMatrix.compute(Scores, Labels);
        Assert.Equal(new long[,] { { 1, 0, 0 }, { 1, 0, 1 }, { 0, 1, 0 } }, m);
        Assert.True(double.IsNaN(Accuracy.per_class(new double[,] { { 1, 0 } }, new[] { 0 })[1]));
    }

    [Fact]
    public void Tensors_work_like_arrays()
    {
        using var scope = NewDisposeScope();
        var s = tensor(new float[] { 0.7f, 0.2f, 0.1f, 0.3f, 0.3f, 0.4f, 0.1f, 0.6f, 0.3f, 0.5f, 0.5f, 0 }, 4, 3);
        var y = tensor(new long[] { 0, 1, 2, 1 });
        Assert.Equal(0.75, Accuracy.topk(s, y, 2));
        Assert.Equal(ConfusionMatrix.compute(Scores, Labels), ConfusionMatrix.compute(s, y));
    }
}
