namespace MedSsl.Data;

/// <summary>
/// Leakage-free train/val/test splits: whole cases (lesions, patients) go to one split, stratified by each
/// case's dominant class (<see cref="CaseStrata"/>), and the same seed gives the same split everywhere.
/// </summary>
public static class CaseSplit
{
    /// <summary>DermaMNIST's and MedMNIST's official proportions.</summary>
    public static readonly IReadOnlyList<(string Name, double Share)> TrainValTest = new[] { ("train", 0.7), ("val", 0.1), ("test", 0.2) };

    /// <summary>Splits <paramref name="dataset"/> by case into <paramref name="shares"/> (default 70/10/20),
    /// with shares counted in cases. Within a stratum cases are shuffled from <paramref name="seed"/>, then
    /// dealt so that each stratum, and the whole, is divided in proportion.</summary>
    public static DatasetSplits Split(MedicalDataset dataset, int seed = 0, IReadOnlyList<(string Name, double Share)>? shares = null)
    {
        shares ??= TrainValTest;
        double total = shares.Sum(s => s.Share);
        if (shares.Count == 0 || shares.Any(s => s.Share < 0) || Math.Abs(total - 1) > 1e-6)
            throw new ArgumentException($"Split shares must be non-negative and sum to 1, got {string.Join(", ", shares.Select(s => $"{s.Name} {s.Share}"))}.");
        var strata = CaseStrata.Of(dataset);
        var ordered = OrderedCases(strata, seed);
        var bucket = ProportionalDeal.Buckets(ordered.Count, shares.Select(s => s.Share).ToArray());
        var assignment = new string[dataset.Count];
        for (int i = 0; i < ordered.Count; i++)
            foreach (var r in dataset.Cases[ordered[i]]) assignment[r] = shares[bucket[i]].Name;
        return new DatasetSplits(dataset, assignment);
    }

    /// <summary>Cases grouped by stratum (strata by name), shuffled within each from the seed.</summary>
    internal static List<string> OrderedCases(IReadOnlyDictionary<string, string> strata, int seed)
    {
        var result = new List<string>();
        foreach (var group in strata.GroupBy(kv => kv.Value).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            // Sorting first makes the shuffle independent of row order; the stratum name seeds its own stream.
            var cases = group.Select(kv => kv.Key).OrderBy(c => c, StringComparer.Ordinal).ToList();
            new SeededRandom(seed, StableHash(group.Key)).Shuffle(cases);
            result.AddRange(cases);
        }
        return result;
    }

    internal static long StableHash(string s)
    {
        ulong h = 14695981039346656037UL; // FNV-1a: string.GetHashCode differs between runs
        foreach (var ch in s) h = (h ^ ch) * 1099511628211UL;
        return (long)h;
    }
}
