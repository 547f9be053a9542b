using System.CommandLine;
using System.Diagnostics;
using MedSsl.Evaluation;
using MedSsl.Methods;
using MedSsl.Models;
using MedSsl.Torch;
using MedSsl.Training;
using MedSsl.Training.Checkpoints;

namespace MedSsl.Cli;

/// <summary>
/// The quickstart's settings: the paper's chain shrunk to a few CPU minutes (paper-notes §8). Every default can
/// be scaled up from the command line (--simclr-steps, --width, ...).
/// </summary>
internal sealed record QuickstartConfig
{
    /// <summary>ResNet-18 with the small stem ("cifar stem" for ≤ 32 px, §2.1) at width 0.25: full width runs ~10 img/s here.</summary>
    public double width { get; init; } = 0.25;

    /// <summary>§8 advises B ≥ 64 for BN and negatives; MICLe's batch is smaller than SimCLR's in the paper (128, §2.5).</summary>
    public int batch { get; init; } = 64;
    public int simclr_steps { get; init; } = 120;

    /// <summary>MICLe continues from SimCLR (§2.5) for fewer steps.</summary>
    public int micle_steps { get; init; } = 60;
    public int finetune_steps { get; init; } = 80;

    /// <summary>The paper's label-efficiency range spans 10%…100% (§3).</summary>
    public double[] fractions { get; init; } = { 0.1, 1.0 };
    public int seeds { get; init; } = 1;
    public int resamples { get; init; } = 1000;
}

/// <summary>
/// `medssl quickstart`: the paper's chain end to end on DermaMNIST with real lesion ids (lesion-level re-split):
/// SimCLR → MICLe → fine-tuning at 10% and 100% of labels, against the supervised baseline from random init,
/// as one table. The last line checks the engine: a checkpoint reloads into a fresh encoder with identical outputs.
/// </summary>
internal static class QuickstartCommand
{
    public static Command Create()
    {
        var d = new QuickstartConfig();
        var output = new Option<string>("--output") { Description = "Run folder.", DefaultValueFactory = _ => "runs/quickstart" };
        var simclr = new Option<int>("--simclr-steps") { DefaultValueFactory = _ => d.simclr_steps };
        var micle = new Option<int>("--micle-steps") { DefaultValueFactory = _ => d.micle_steps };
        var finetune = new Option<int>("--finetune-steps") { DefaultValueFactory = _ => d.finetune_steps };
        var batch = new Option<int>("--batch") { DefaultValueFactory = _ => d.batch };
        var width = new Option<double>("--width") { DefaultValueFactory = _ => d.width };
        var seeds = new Option<int>("--seeds") { DefaultValueFactory = _ => d.seeds };
        var data = new Option<string>("--data") { DefaultValueFactory = _ => "dermamnist-lesion" };
        var cmd = new Command("quickstart", "SimCLR → MICLe → fine-tuning at 10%/100% labels vs a supervised baseline, on DermaMNIST (lesion re-split).")
            { output, simclr, micle, finetune, batch, width, seeds, data };
        cmd.SetAction((r, ct) => Task.FromResult(CliErrors.Guard("quickstart", () => Run(new QuickstartConfig
        {
            simclr_steps = r.GetValue(simclr), micle_steps = r.GetValue(micle), finetune_steps = r.GetValue(finetune),
            batch = r.GetValue(batch), width = r.GetValue(width), seeds = r.GetValue(seeds),
        }, r.GetValue(data)!, r.GetValue(output)!, ct))));
        return cmd;
    }

    internal static int Run(QuickstartConfig q, string dataName, string output, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        Determinism.Apply(0);
        Console.WriteLine($"engine: libtorch {torch.__version__}, {torch.get_num_threads()} threads, {(torch.cuda.is_available() ? "CUDA" : "CPU")}");
        using var d = TrainingData.Load(dataName);
        Console.WriteLine($"data:   {d.description}");
        var spec = new EncoderSpec("resnet18", q.width, Stem.Small, d.train.images.shape[1]);
        var pre = new PretrainConfig { encoder = spec, batch = q.batch, size = d.image_size };
        string simclrRun = Path.Combine(output, "simclr"), micleRun = Path.Combine(output, "micle");
        foreach (var run in new[] { simclrRun, micleRun })  // a fresh chain, not a resume; only the folders it writes
            if (Directory.Exists(run)) Directory.Delete(run, recursive: true);

        Console.WriteLine($"1/3 SimCLR on the training split's images ({spec}, batch {q.batch}, {q.simclr_steps} steps)");
        var s = Pretraining.Run(pre with { method = "simclr", steps = q.simclr_steps }, d.train, null, simclrRun, progress: Console.WriteLine, cancellation: ct);
        Console.WriteLine($"2/3 MICLe from SimCLR (pairs of one lesion's images; {q.micle_steps} steps)");
        var m = Pretraining.Run(pre with { method = "micle", steps = q.micle_steps }, d.train, s.checkpoint, micleRun, progress: Console.WriteLine, cancellation: ct);
        Console.WriteLine(m.init);
        if (s.run.cancelled || m.run.cancelled) return 130;

        Console.WriteLine($"3/3 fine-tuning ({q.finetune_steps} steps, {q.seeds} seed(s)) at {string.Join(", ", q.fractions.Select(f => f.ToString("0%")))} of labels");
        var ft = new FineTuneConfig { encoder = spec, steps = q.finetune_steps, size = d.image_size };
        var inits = new (string, string?)[] { ("supervised (random init)", null), ("SimCLR", s.checkpoint), ("SimCLR → MICLe", m.checkpoint) };
        var rows = LabelEfficiency.Run(ft, d.train_rows, d.train, d.test, inits, q.fractions, q.seeds, Console.WriteLine, ct, q.resamples);
        Console.WriteLine();
        Console.WriteLine(LabelEfficiency.ToTable(rows).WithCaption($"{d.test.name}: test split, 95% case-level bootstrap CIs ({q.resamples} resamples)"));
        Console.WriteLine($"wall time {clock.Elapsed.TotalMinutes:F1} min");
        return EngineCheck(m.checkpoint!, spec, d.train);
    }

    /// <summary>The reloaded MICLe encoder gives the same features as the one saved (exactly).</summary>
    static int EngineCheck(string checkpoint, EncoderSpec spec, ImageSet data)
    {
        using var a = spec.Create();
        using var b = spec.Create();
        PretrainedEncoder.Load(a, checkpoint);
        PretrainedEncoder.Load(b, checkpoint);
        using var scope = torch.NewDisposeScope();
        var x = data.images.slice(0, 0, 32).to(ScalarType.Float32).div(255);
        var diff = (FeatureExtractor.extract(a, x) - FeatureExtractor.extract(b, x)).abs().max().item<float>();
        using var fresh = spec.Create();
        var changed = (FeatureExtractor.extract(fresh, x) - FeatureExtractor.extract(a, x)).abs().max().item<float>();
        Console.WriteLine($"engine: {checkpoint} reloaded twice: max |Δ features| = {diff:G3} (vs a fresh encoder: {changed:G3})");
        return diff == 0 && changed > 0 ? 0 : 1;
    }
}
