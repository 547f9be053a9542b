namespace MedSsl.Data.Loading;

/// <summary>
/// MICLe's sampling (Azizi et al. 2021, §3.2): each element is a patient case; its two views are two
/// different images of that case, drawn afresh every epoch, or the case's only image twice (then the view
/// transform alone makes them differ, as in SimCLR). Every case appears once per epoch; keys are case ids.
/// </summary>
public sealed class MultiInstanceSampler : IBatchSampler
{
    readonly int[] caseIds;       // distinct cases, ascending
    readonly int[][] rowsOfCase;  // rows of each case, ascending
    readonly int batchSize;
    readonly bool shuffle, dropLast;

    /// <param name="caseOfRow">The case (patient, lesion, study) of every row of the source.</param>
    /// <param name="batchSize">Cases per batch.</param>
    /// <param name="shuffle">Shuffle the cases every epoch.</param>
    /// <param name="dropLast">Drop a last batch smaller than the batch size.</param>
    public MultiInstanceSampler(IReadOnlyList<int> caseOfRow, int batchSize, bool shuffle = true, bool dropLast = false)
    {
        Batching.CheckSize(batchSize);
        var groups = Enumerable.Range(0, caseOfRow.Count).GroupBy(r => caseOfRow[r]).OrderBy(g => g.Key).ToArray();
        caseIds = groups.Select(g => g.Key).ToArray();
        rowsOfCase = groups.Select(g => g.ToArray()).ToArray();
        (this.batchSize, this.shuffle, this.dropLast) = (batchSize, shuffle, dropLast);
    }

    public int Views => 2;
    public int BatchCount => Batching.Count(caseIds.Length, batchSize, dropLast);

    /// <summary>Distinct cases (elements per epoch).</summary>
    public int CaseCount => caseIds.Length;

    /// <summary>Cases with at least two images (those that give MICLe pairs rather than SimCLR pairs).</summary>
    public int CasesWithPairs => rowsOfCase.Count(r => r.Length >= 2);

    public IReadOnlyList<BatchPlan> PlanEpoch(int epoch, ulong seed)
    {
        var state = SeedMix.ForEpoch(seed, epoch);
        var order = Batching.Order(caseIds.Length, shuffle, ref state);
        var pairs = new (int A, int B)[order.Length];
        for (int i = 0; i < order.Length; i++) pairs[i] = Pair(rowsOfCase[order[i]], ref state);
        var keys = order.Select(c => caseIds[c]).ToArray();
        return Batching.Cut(keys, batchSize, dropLast, 2, (i, v) => v == 0 ? pairs[i].A : pairs[i].B);
    }

    static (int, int) Pair(int[] rows, ref ulong state)
    {
        if (rows.Length == 1) return (rows[0], rows[0]);
        int a = SeedMix.NextInt(ref state, rows.Length);
        int b = SeedMix.NextInt(ref state, rows.Length - 1);
        return (rows[a], rows[b >= a ? b + 1 : b]);
    }
}
