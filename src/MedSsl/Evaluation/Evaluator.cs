using MedSsl.Data;
using MedSsl.Methods;
using MedSsl.Metrics;
using MedSsl.Torch;
using MedSsl.Training;
using MedSsl.Transforms;

namespace MedSsl.Evaluation;

/// <summary>
/// Test-set scores of a fine-tuned model (paper-notes §3): top-1 (multiclass), AUC (one-vs-rest macro for
/// multiclass, mean over labels with NaN masks for multilabel), each with a 95% case-level bootstrap CI, and
/// ECE (multiclass). NaN where a metric does not apply.
/// </summary>
public sealed record EvalResult(string set, int images, int cases, BootstrapResult top1, BootstrapResult auc, double ece);

public static class Evaluator
{
    /// <summary>Scores on <paramref name="test"/> with no training (also the out-of-distribution evaluation: pass
    /// a shifted test set, paper-notes §3 "distribution shift").</summary>
    public static EvalResult Run(Supervised model, ImageSet test, int size, int resamples = 1000, int seed = 0)
    {
        if (test.labels is null) throw new ArgumentException($"{test.name}: evaluation needs labels.");
        using var scope = torch.NewDisposeScope();
        var outputs = Predict(model, test, size);
        var scores = MetricInputs.Matrix(test.task == TaskKind.Multiclass ? outputs.softmax(1) : outputs.sigmoid());
        var cases = test.case_ids;
        if (test.task == TaskKind.Multiclass)
        {
            var labels = MetricInputs.Labels(test.labels);
            var top1 = Bootstrap.case_level(cases, i => Accuracy.top1(MetricInputs.TakeRows(scores, i), MetricInputs.Take(labels, i)), resamples, seed);
            var auc = Bootstrap.case_level(cases, i => RocAuc.one_vs_rest_macro(MetricInputs.TakeRows(scores, i), MetricInputs.Take(labels, i)), resamples, seed);
            return new EvalResult(test.name, test.Count, test.case_count, top1, auc, Calibration.expected_calibration_error(scores, labels));
        }
        var matrix = MetricInputs.Matrix(test.labels);
        var meanAuc = Bootstrap.case_level(cases, i => RocAuc.mean(RocAuc.per_label(MetricInputs.TakeRows(scores, i), MetricInputs.TakeRows(matrix, i))), resamples, seed);
        var none = new BootstrapResult(double.NaN, double.NaN, double.NaN, double.NaN, 0, 0);
        return new EvalResult(test.name, test.Count, test.case_count, none, meanAuc, double.NaN);
    }

    /// <summary>Logits [N, C] in eval mode, on the evaluation view (SimCLR's centre crop, resized to size).</summary>
    public static Tensor Predict(Supervised model, ImageSet test, int size, int batch = 256)
    {
        var wasTraining = model.training;
        model.eval();
        try
        {
            using var noGrad = torch.no_grad();
            using var scope = torch.NewDisposeScope();
            var view = Presets.Eval(size);
            using var g = new Generator(0);
            var parts = new List<Tensor>();
            for (long s = 0; s < test.Count; s += batch)
                parts.Add(model.logits(view.Apply(test.images.slice(0, s, Math.Min(s + batch, test.Count)), g)));
            return torch.cat(parts, 0).MoveToOuterDisposeScope();
        }
        finally { model.train(wasTraining); }
    }
}
