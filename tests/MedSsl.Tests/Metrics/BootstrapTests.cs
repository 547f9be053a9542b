using MedSsl.Metrics;

namespace MedSsl.Tests.Metrics;

public sealed class BootstrapTests
{
    // 40 cases of 1–3 images; a case's images share its correctness (as views of one lesion tend to).
    static (string[] cases, double[] correct) Data()
    {
        var rng = new Random(7);
        var cases = new List<string>();
        var correct = new List<double>();
        for (var c = 0; c < 40; c++)
        {
            var hit = rng.NextDouble() < 0.7 ? 1.0 : 0.0;
            for (var k = 0; k < 1 + c % 3; k++) { cases.Add($"case{c}"); correct.Add(hit); }
        }
        return (cases.ToArray(), correct.ToArray());
    }

    static double Mean(double[] v, int[] idx) => idx.Average(i => v[i]);

    [Fact]
    public void Same_seed_same_interval_and_the_interval_covers_the_point_estimate()
    {
        var (cases, correct) = Data();
        var a = Bootstrap.case_level(cases, idx => Mean(correct, idx), resamples: 500, seed: 3);
        var b = Bootstrap.case_level(cases, idx => Mean(correct, idx), resamples: 500, seed: 3);
        var c = Bootstrap.case_level(cases, idx => Mean(correct, idx), resamples: 500, seed: 4);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.Equal(correct.Average(), a.point, 12);
        Assert.True(a.lo < a.point && a.point < a.hi, a.ToString());
        Assert.True(Math.Abs(a.mean - a.point) < 0.05, a.ToString());
        Assert.Equal(0, a.undefined);
    }

    [Fact]
    public void Resampling_draws_whole_cases()
    {
        var (cases, correct) = Data();
        var seen = new List<int[]>();
        Bootstrap.case_level(cases, idx => { seen.Add(idx); return Mean(correct, idx); }, resamples: 50, seed: 1);
        Assert.Equal(51, seen.Count);  // the point estimate, then 50 resamples
        foreach (var idx in seen.Skip(1))
        {
            var draws = 0;
            foreach (var group in idx.GroupBy(i => cases[i]))
            {
                var size = cases.Count(c => c == group.Key);
                Assert.Equal(0, group.Count() % size);  // every image of a drawn case, as often as the case was drawn
                draws += group.Count() / size;
            }
            Assert.Equal(40, draws);  // as many cases as the test set has
        }
    }

    [Fact]
    public void Undefined_resamples_are_counted_and_left_out()
    {
        var cases = new[] { "a", "b", "c" };
        var r = Bootstrap.case_level(cases, idx => idx.Distinct().Count() == 1 ? double.NaN : idx.Distinct().Count(), resamples: 200, seed: 0);
        Assert.InRange(r.undefined, 1, 199);
        Assert.True(r.lo >= 2 && r.hi <= 3);
    }

    [Fact]
    public void Percentile_is_numpys_linear_interpolation()
    {
        var v = new[] { 1.0, 2, 4, 8 };
        Assert.Equal(1.0, Bootstrap.Percentile(v, 0));
        Assert.Equal(8.0, Bootstrap.Percentile(v, 100));
        Assert.Equal(3.0, Bootstrap.Percentile(v, 50));      // numpy.percentile([1,2,4,8], 50) = 3.0
        Assert.Equal(1.075, Bootstrap.Percentile(v, 2.5), 12); // h = 0.075
    }
}
