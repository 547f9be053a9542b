namespace MedSsl.Metrics;

/// <summary>A bootstrap estimate: the metric on the full set, the mean and percentile interval over the
/// resamples, how many resamples were drawn and how many of them left the metric undefined (NaN, e.g. an AUC
/// on a resample with one class), which are left out of mean and interval.</summary>
public readonly record struct BootstrapResult(double point, double mean, double lo, double hi, int resamples, int undefined)
{
    public override string ToString() => FormattableString.Invariant(
        $"{point:F4} (95% CI {lo:F4}–{hi:F4}; bootstrap mean {mean:F4}, {resamples - undefined} resamples)");
}

/// <summary>
/// Case-level bootstrap confidence intervals (paper-notes §3: "a 95% case-level bootstrap CI on the test set").
/// Resampling draws whole cases (patients) with replacement and keeps all of each drawn case's images, since
/// images of one case are not independent. Percentile method; seeded, so a run is reproducible.
/// <code>var ci = Bootstrap.case_level(caseIds, idx =&gt; Accuracy.top1(MetricInputs.TakeRows(scores, idx), MetricInputs.Take(labels, idx)));</code>
/// </summary>
public static class Bootstrap
{
    /// <param name="case_ids">The case of each item (image), in item order.</param>
    /// <param name="metric">The metric of the items at the given indices (repeats allowed).</param>
    /// <param name="resamples">Bootstrap resamples (1000 by default).</param>
    /// <param name="seed">Seed of the resampling: the same seed gives the same interval.</param>
    /// <param name="level">Central coverage of the interval (0.95: the 2.5th and 97.5th percentiles).</param>
    public static BootstrapResult case_level<TCase>(IReadOnlyList<TCase> case_ids, Func<int[], double> metric,
                                                    int resamples = 1000, int seed = 0, double level = 0.95)
        where TCase : notnull
    {
        if (case_ids.Count == 0) throw new ArgumentException("Bootstrap.case_level: no items.");
        if (resamples < 1) throw new ArgumentException($"Bootstrap.case_level: resamples must be ≥ 1, got {resamples}.");
        if (level is <= 0 or >= 1) throw new ArgumentException($"Bootstrap.case_level: level must be in (0, 1), got {level}.");
        var cases = GroupByCase(case_ids);
        var point = metric(Enumerable.Range(0, case_ids.Count).ToArray());
        var rng = new Random(seed);
        var values = new List<double>(resamples);
        var items = new List<int>(case_ids.Count);
        for (var r = 0; r < resamples; r++)
        {
            items.Clear();
            for (var k = 0; k < cases.Length; k++) items.AddRange(cases[rng.Next(cases.Length)]);
            var v = metric(items.ToArray());
            if (!double.IsNaN(v)) values.Add(v);
        }
        if (values.Count == 0)
            throw new InvalidOperationException($"Bootstrap.case_level: the metric was undefined (NaN) on all {resamples} resamples.");
        values.Sort();
        var tail = (1 - level) / 2 * 100;
        return new BootstrapResult(point, values.Average(), Percentile(values, tail), Percentile(values, 100 - tail),
                                   resamples, resamples - values.Count);
    }

    /// <summary>Item indices per case, cases in order of first appearance.</summary>
    static int[][] GroupByCase<TCase>(IReadOnlyList<TCase> case_ids) where TCase : notnull
    {
        var groups = new Dictionary<TCase, List<int>>();
        var order = new List<List<int>>();
        for (var i = 0; i < case_ids.Count; i++)
        {
            if (!groups.TryGetValue(case_ids[i], out var list))
            {
                groups[case_ids[i]] = list = new List<int>();
                order.Add(list);
            }
            list.Add(i);
        }
        return order.Select(l => l.ToArray()).ToArray();
    }

    /// <summary>numpy.percentile's default ("linear") on sorted values, q in [0, 100].</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double q)
    {
        var h = (sorted.Count - 1) * q / 100;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
