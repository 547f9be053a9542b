using MedSsl.Metrics;

namespace MedSsl.Tests.Metrics;

/// <summary>Against sklearn.metrics.roc_auc_score (Golden/ssl/auc.npz), on random and heavily tied scores.</summary>
public sealed class RocAucTests
{
    static readonly Dictionary<string, Tensor> G = Goldens.Load("auc");

    static double S(string k) => G[k].item<double>();
    static double[] V(string k) => MetricInputs.Vector(G[k]);
    static double[,] M(string k) => MetricInputs.Matrix(G[k]);

    [Theory]
    [InlineData("bin_s", "bin_auc")]
    [InlineData("tied_s", "tied_auc")]
    public void Binary_equals_sklearn(string scores, string auc)
    {
        var y = V("bin_y").Select(v => v == 1).ToArray();
        Assert.Equal(S(auc), RocAuc.binary(V(scores), y), 12);
    }

    [Theory]
    [InlineData("ovr_p", "ovr_macro")]
    [InlineData("ovrt_p", "ovrt_macro")]
    public void One_vs_rest_macro_equals_sklearn(string scores, string auc)
    {
        var y = MetricInputs.Labels(G["ovr_y"]);
        Assert.Equal(S(auc), RocAuc.one_vs_rest_macro(M(scores), y), 12);
        if (scores == "ovr_p") Assert.Equal(V("ovr_per"), RocAuc.one_vs_rest(M(scores), y), new Tolerance(1e-12));
    }

    [Theory]
    [InlineData("ml")]
    [InlineData("mlt")]
    public void Per_label_with_nan_labels_equals_sklearn_on_the_labelled_rows(string name)
    {
        var per = RocAuc.per_label(M(name + "_s"), M("ml_y"));
        Assert.Equal(V(name + "_per"), per, new Tolerance(1e-12));
        Assert.Equal(S(name + "_mean"), RocAuc.mean(per), 12);
    }

    [Fact]
    public void Ties_count_half_and_a_single_class_is_refused()
    {
        // One positive and one negative with the same score: the curve is the diagonal, AUC 0.5.
        Assert.Equal(0.5, RocAuc.binary(new[] { 0.3, 0.3 }, new[] { true, false }));
        Assert.Equal(0.875, RocAuc.binary(new[] { 0.1, 0.5, 0.5, 0.9 }, new[] { false, false, true, true }));
        Assert.Throws<ArgumentException>(() => RocAuc.binary(new[] { 0.1, 0.2 }, new[] { true, true }));
        var per = RocAuc.per_label(new double[,] { { 0.1, 0.2 }, { 0.9, 0.4 } }, new double[,] { { 0, 1 }, { 1, double.NaN } });
        Assert.Equal(1.0, per[0]);
        Assert.True(double.IsNaN(per[1]));
        Assert.Equal(1.0, RocAuc.mean(per));
        Assert.Throws<ArgumentException>(() => RocAuc.mean(new[] { double.NaN }));
    }

    [Fact]
    public void Tensors_work_like_arrays()
    {
        using var scope = NewDisposeScope();
        var y = V("bin_y").Select(v => v == 1).ToArray();
        Assert.Equal(RocAuc.binary(V("bin_s"), y), RocAuc.binary(G["bin_s"].to(float32), G["bin_y"]), 6);
    }
}

/// <summary>Element-wise |a − b| ≤ tol, for Assert.Equal on double arrays.</summary>
sealed class Tolerance(double tol) : IEqualityComparer<double>
{
    public bool Equals(double a, double b) => Math.Abs(a - b) <= tol;
    public int GetHashCode(double d) => 0;
}
