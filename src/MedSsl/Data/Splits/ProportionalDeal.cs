namespace MedSsl.Data;

/// <summary>
/// Deals items one by one into buckets with target shares, each to the bucket furthest behind its share
/// (ties → the earlier bucket). Every prefix of the sequence is split within about one item of the targets,
/// so dealing cases sorted by stratum splits every stratum in proportion and the totals exactly.
/// </summary>
public static class ProportionalDeal
{
    /// <summary>The bucket of each of <paramref name="count"/> items, for shares that sum to 1.</summary>
    public static int[] Buckets(int count, IReadOnlyList<double> shares)
    {
        var taken = new int[shares.Count];
        var result = new int[count];
        for (int t = 0; t < count; t++)
        {
            int best = 0;
            for (int b = 1; b < shares.Count; b++)
                if (shares[b] * (t + 1) - taken[b] > shares[best] * (t + 1) - taken[best] + 1e-12) best = b;
            taken[best]++;
            result[t] = best;
        }
        return result;
    }
}
