namespace MedSsl.Data;

/// <summary>
/// Label-fraction subsets for label-efficiency curves (fine-tuning on 1%, 10%, … of the labels). Whole
/// cases are sampled, stratified by class, reproducibly from a seed, and nested: for one seed the 1% subset
/// lies inside the 10% one, which lies inside the 50% one, so curves compare like with like.
/// </summary>
public static class LabelFractions
{
    /// <summary>The fractions the kit's label-efficiency experiments use by default.</summary>
    public static readonly IReadOnlyList<double> Standard = new[] { 0.01, 0.1, 0.2, 0.3, 0.5, 1.0 };

    /// <summary>
    /// The rows (in dataset order) of round(fraction × labelled cases) cases, at least one. When that is at
    /// least the number of classes, every class has a case: the order starts with one case per stratum,
    /// rarest class first, then deals the rest in proportion to the class sizes. Cases without any known
    /// label are never sampled.
    /// </summary>
    public static int[] Sample(MedicalDataset dataset, double fraction, int seed = 0)
    {
        if (!(fraction > 0 && fraction <= 1)) throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "a fraction in (0, 1]");
        var order = CaseOrder(dataset, seed);
        int take = Math.Max(1, (int)Math.Round(fraction * order.Count, MidpointRounding.AwayFromZero));
        return order.Take(take).SelectMany(c => dataset.Cases[c]).Order().ToArray();
    }

    /// <summary>The subset as a dataset named like "dermamnist/train@10%".</summary>
    public static MedicalDataset Subset(MedicalDataset dataset, double fraction, int seed = 0) =>
        dataset.Subset(Sample(dataset, fraction, seed), $"{dataset.Name}@{fraction * 100:0.##}%");

    /// <summary>Labelled cases in sampling order; a fraction takes a prefix of it.</summary>
    public static IReadOnlyList<string> CaseOrder(MedicalDataset dataset, int seed = 0)
    {
        var strata = CaseStrata.Of(dataset).Where(kv => kv.Value != CaseStrata.Unlabelled).ToDictionary(kv => kv.Key, kv => kv.Value);
        var queues = CaseSplit.OrderedCases(strata, seed).GroupBy(c => strata[c])
            .Select(g => new Queue<string>(g)).OrderBy(q => q.Count).ThenBy(q => strata[q.Peek()], StringComparer.Ordinal).ToList();
        double total = strata.Count;
        var shares = queues.Select(q => q.Count / total).ToArray();
        var taken = new int[queues.Count];
        var order = new List<string>(strata.Count);
        for (int s = 0; s < queues.Count; s++) { order.Add(queues[s].Dequeue()); taken[s]++; }
        while (order.Count < strata.Count)
        {
            int t = order.Count + 1, best = -1;
            for (int s = 0; s < queues.Count; s++)
                if (queues[s].Count > 0 && (best < 0 || shares[s] * t - taken[s] > shares[best] * t - taken[best] + 1e-12)) best = s;
            order.Add(queues[best].Dequeue());
            taken[best]++;
        }
        return order;
    }
}
