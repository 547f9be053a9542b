using System.Globalization;

namespace MedSsl.Metrics;

/// <summary>
/// Mean ± standard deviation of a metric over runs with different seeds (the paper's Table 1 reports
/// "mean ± spread" over fine-tuning runs, paper-notes §3). The std is the sample std (n − 1), so two seeds
/// already give an honest spread; one seed gives std NaN.
/// </summary>
public readonly record struct SeedSummary(double mean, double std, int n)
{
    public static SeedSummary Of(IEnumerable<double> values)
    {
        var v = values.ToArray();
        if (v.Length == 0) throw new ArgumentException("SeedSummary: no values.");
        if (v.Any(double.IsNaN)) throw new ArgumentException($"SeedSummary: a value is NaN ({string.Join(", ", v)}).");
        var mean = v.Average();
        var std = v.Length > 1 ? Math.Sqrt(v.Sum(x => (x - mean) * (x - mean)) / (v.Length - 1)) : double.NaN;
        return new SeedSummary(mean, std, v.Length);
    }

    /// <summary>"0.6650 ± 0.0120 (n=3)"; a single seed has no spread to show: "0.6650 (1 seed)".</summary>
    public string ToString(string format) => n == 1
        ? $"{mean.ToString(format, CultureInfo.InvariantCulture)} (1 seed)"
        : $"{mean.ToString(format, CultureInfo.InvariantCulture)} ± {std.ToString(format, CultureInfo.InvariantCulture)} (n={n})";
    public override string ToString() => ToString("F4");
}
