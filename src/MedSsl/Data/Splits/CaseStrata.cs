namespace MedSsl.Data;

/// <summary>
/// The class each case is stratified by. Multiclass: the case's most frequent class (ties → the lower
/// index). Multilabel: the case's rarest positive finding over the whole dataset (so rare findings are
/// spread over splits first), or "(no finding)". Unlabeled data, and cases without any known label, fall
/// in <see cref="Unlabelled"/>.
/// </summary>
public static class CaseStrata
{
    public const string NoFinding = "(no finding)";
    public const string Unlabelled = "(unlabelled)";

    /// <summary>Case id → stratum, for every case of the dataset.</summary>
    public static IReadOnlyDictionary<string, string> Of(MedicalDataset dataset)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var positives = Enumerable.Range(0, dataset.Labels.Columns).Select(c => dataset.Labels.Count(c).Positive).ToArray();
        foreach (var (caseId, rows) in dataset.Cases)
            result[caseId] = dataset.Task switch
            {
                TaskKind.Multiclass => Dominant(dataset, rows),
                TaskKind.Multilabel => Rarest(dataset, rows, positives),
                _ => Unlabelled,
            };
        return result;
    }

    static string Dominant(MedicalDataset dataset, IReadOnlyList<int> rows)
    {
        var counts = new int[dataset.LabelNames.Count];
        foreach (var r in rows) if (dataset.Targets![r] >= 0) counts[dataset.Targets[r]]++;
        int best = Array.IndexOf(counts, counts.Max());
        return counts[best] == 0 ? Unlabelled : dataset.LabelNames[best];
    }

    static string Rarest(MedicalDataset dataset, IReadOnlyList<int> rows, int[] positives)
    {
        int best = -1;
        bool anyKnown = false;
        foreach (var r in rows)
            for (int c = 0; c < positives.Length; c++)
            {
                var v = dataset.Labels[r, c];
                if (!float.IsNaN(v)) anyKnown = true;
                if (v > 0.5f && (best < 0 || positives[c] < positives[best])) best = c;
            }
        return best >= 0 ? dataset.LabelNames[best] : anyKnown ? NoFinding : Unlabelled;
    }
}
