using System.CommandLine;
using MedSsl.Evaluation;
using MedSsl.Methods;
using MedSsl.Models;
using MedSsl.Training.Checkpoints;

namespace MedSsl.Cli;

/// <summary>`medssl finetune`: fine-tune from a checkpoint (or random init) at a label fraction, over seeds, and score the test split.</summary>
internal static class FinetuneCommand
{
    public static Command Create()
    {
        var init = new Option<string?>("--init") { Description = "Pretraining checkpoint (run folder or step folder); omit for random init." };
        var data = new Option<string>("--data") { Description = "Catalogued dataset or synthetic-cxr.", DefaultValueFactory = _ => "dermamnist-lesion" };
        var fraction = new Option<double[]>("--fraction") { Description = "Label fraction(s) in (0, 1], sampled by case.", DefaultValueFactory = _ => new[] { 1.0 }, AllowMultipleArgumentsPerToken = true };
        var seeds = new Option<int>("--seeds") { Description = "Fine-tuning seeds (mean ± std).", DefaultValueFactory = _ => 3 };
        var steps = new Option<int>("--steps") { DefaultValueFactory = _ => 200 };
        var batch = new Option<int>("--batch") { DefaultValueFactory = _ => 64 };
        var optimizer = new Option<string>("--optimizer") { Description = "sgd (Nesterov, SimCLR B.5) or adam.", DefaultValueFactory = _ => "sgd" };
        optimizer.AcceptOnlyFromAmong("sgd", "adam");
        var lr = new Option<double>("--base-lr") { Description = "lr = base·batch/256.", DefaultValueFactory = _ => new FineTuneConfig().base_lr };
        var width = new Option<double>("--width") { Description = "Encoder width when --init is omitted.", DefaultValueFactory = _ => 0.25 };
        var cmd = new Command("finetune", "Fine-tune end to end and report top-1 / AUC with 95% case-level CIs.") { init, data, fraction, seeds, steps, batch, optimizer, lr, width };
        cmd.SetAction((r, ct) => Task.FromResult(CliErrors.Guard("finetune", () =>
        {
            var fractions = r.GetValue(fraction)!;
            foreach (var f in fractions)
                if (!(f > 0 && f <= 1)) throw new ArgumentException($"--fraction must be in (0, 1], got {f}.");
            CliErrors.Positive("--seeds", r.GetValue(seeds));
            CliErrors.Positive("--steps", r.GetValue(steps));
            var ck = r.GetValue(init);
            using var d = TrainingData.Load(r.GetValue(data)!);
            Console.WriteLine($"data: {d.description}");
            var spec = ck is null ? new EncoderSpec("resnet18", r.GetValue(width), Stem.Small, d.train.images.shape[1]) : CheckpointStore.Open(ck).state.encoder;
            var config = new FineTuneConfig { encoder = spec, steps = r.GetValue(steps), batch = r.GetValue(batch), optimizer = r.GetValue(optimizer)!, base_lr = r.GetValue(lr), size = d.image_size };
            var rows = LabelEfficiency.Run(config, d.train_rows, d.train, d.test, new[] { (ck is null ? "random init" : Path.GetFileName(Path.GetFullPath(ck)), ck) },
                                           fractions, r.GetValue(seeds), Console.WriteLine, ct);
            Console.WriteLine(LabelEfficiency.ToTable(rows));
            return 0;
        })));
        return cmd;
    }
}
