using MedSsl.Data;
using MedSsl.Display;
using MedSsl.Metrics;
using MedSsl.Training;

namespace MedSsl.Evaluation;

/// <summary>One fine-tuning setting summarised over seeds: the first seed's test scores with bootstrap CIs, and
/// mean ± std of top-1 and AUC across seeds.</summary>
public sealed record FineTuneRow(string init, double fraction, int train_images, EvalResult first_seed, SeedSummary top1, SeedSummary auc);

/// <summary>
/// Label-efficiency runs (paper-notes §3): for each initialisation (a pretraining checkpoint, or null for
/// random init, the supervised baseline) and each label fraction, fine-tune on whole cases sampled by
/// <see cref="LabelFractions"/> (stratified, nested) with several seeds, then score on the test set.
/// </summary>
public static class LabelEfficiency
{
    /// <param name="inits">Display name → checkpoint path (null: random init).</param>
    public static List<FineTuneRow> Run(FineTuneConfig config, MedicalDataset trainSet, ImageSet train, ImageSet test,
        IReadOnlyList<(string name, string? checkpoint)> inits, IReadOnlyList<double> fractions, int seeds,
        Action<string>? log = null, CancellationToken cancellation = default, int resamples = 1000)
    {
        if (seeds < 1) throw new ArgumentException($"LabelEfficiency: seeds must be ≥ 1, got {seeds}.");
        if (trainSet.Count != train.Count) throw new ArgumentException($"{trainSet.Name} has {trainSet.Count} rows but the image set {train.Count}.");
        var rows = new List<FineTuneRow>();
        foreach (var fraction in fractions)
        {
            // The same labelled subset for every init: the comparison is between initialisations.
            using var subset = train.Subset(LabelFractions.Sample(trainSet, fraction, seed: 0), $"{train.name}@{fraction:0.##%}");
            foreach (var (name, checkpoint) in inits)
            {
                var results = new List<EvalResult>();
                for (int s = 0; s < seeds; s++)
                {
                    var (model, report) = FineTuning.Run(config, subset, checkpoint, seed: s, cancellation: cancellation);
                    using (model) results.Add(Evaluator.Run(model, test, config.size, resamples));
                    if (s == 0 && report is not null) log?.Invoke(report.ToString());
                }
                var row = new FineTuneRow(name, fraction, subset.Count, results[0],
                    SeedSummary.Of(results.Select(r => Fill(r.top1.point))), SeedSummary.Of(results.Select(r => Fill(r.auc.point))));
                log?.Invoke($"{name,-28} {fraction,5:0.##%} labels: top-1 {row.top1.ToString("F3")}, AUC {row.auc.ToString("F3")}");
                rows.Add(row);
            }
        }
        return rows;
    }

    static double Fill(double v) => double.IsNaN(v) ? 0 : v;  // SeedSummary refuses NaN; only multilabel top-1 is NaN

    /// <summary>One row per (init, fraction): top-1 and AUC with the first seed's 95% CI and the mean ± std over seeds, and ECE.</summary>
    public static Table ToTable(IEnumerable<FineTuneRow> rows) => new Table(
        new[] { "init", "labels", "train imgs", "top-1 [95% CI]", "top-1 mean ± std", "AUC [95% CI]", "AUC mean ± std", "ECE" },
        rows.Select(r => new object?[]
        {
            r.init, r.fraction.ToString("0.##%"), r.train_images,
            Ci(r.first_seed.top1), Spread(r.top1), Ci(r.first_seed.auc), Spread(r.auc),
            double.IsNaN(r.first_seed.ece) ? "–" : r.first_seed.ece.ToString("F3", System.Globalization.CultureInfo.InvariantCulture),
        }));

    static string Ci(BootstrapResult b) => double.IsNaN(b.point) ? "–" : FormattableString.Invariant($"{b.point:F3} [{b.lo:F3}, {b.hi:F3}]");
    static string Spread(SeedSummary s) => s.n < 2 ? FormattableString.Invariant($"{s.mean:F3} (1 seed)") : FormattableString.Invariant($"{s.mean:F3} ± {s.std:F3}");
}
