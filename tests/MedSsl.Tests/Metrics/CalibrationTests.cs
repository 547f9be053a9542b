using MedSsl.Metrics;

namespace MedSsl.Tests.Metrics;

public sealed class CalibrationTests
{
    [Fact]
    public void Ece_of_a_hand_example()
    {
        // Top-label confidences 0.9, 0.9, 0.6, 0.55 (bins (13/15, 14/15], (13/15, 14/15], (8/15, 9/15], (8/15, 9/15]);
        // correct: yes, no, yes, yes. Bin A: acc 0.5, conf 0.9 → |0.4|·2/4; bin B: acc 1, conf 0.575 → |0.425|·2/4.
        var probs = new double[,] { { 0.9, 0.1 }, { 0.1, 0.9 }, { 0.6, 0.4 }, { 0.45, 0.55 } };
        var labels = new[] { 0, 0, 0, 1 };
        Assert.Equal(0.5 * 0.4 + 0.5 * 0.425, Calibration.expected_calibration_error(probs, labels), 12);
        var bins = Calibration.reliability(probs, labels);
        Assert.Equal(15, bins.Length);
        Assert.Equal(new[] { 8, 13 }, bins.Select((b, i) => (b, i)).Where(x => x.b.count > 0).Select(x => x.i));
    }

    [Fact]
    public void Perfectly_calibrated_bins_give_zero_and_edges_belong_to_the_lower_bin()
    {
        var probs = new double[,] { { 0.8, 0.2 }, { 0.8, 0.2 }, { 0.8, 0.2 }, { 0.8, 0.2 }, { 0.8, 0.2 } };
        Assert.Equal(0.0, Calibration.expected_calibration_error(probs, new[] { 0, 0, 0, 0, 1 }), 12);
        // 0.8 = 12/15 sits on an edge: bin (11/15, 12/15], index 11.
        Assert.Equal(5, Calibration.reliability(probs, new[] { 0, 0, 0, 0, 1 })[11].count);
        var e = Assert.Throws<ArgumentException>(() => Calibration.expected_calibration_error(new double[,] { { 3, -1 } }, new[] { 0 }));
        Assert.Contains("not logits", e.Message);
    }

    [Fact]
    public void Seed_summary_is_mean_and_sample_std()
    {
        var s = SeedSummary.Of(new[] { 0.70, 0.72, 0.74 });
        Assert.Equal(0.72, s.mean, 12);
        Assert.Equal(0.02, s.std, 12);
        Assert.Equal("0.7200 ± 0.0200 (n=3)", s.ToString());
        Assert.True(double.IsNaN(SeedSummary.Of(new[] { 0.5 }).std));
    }
}
