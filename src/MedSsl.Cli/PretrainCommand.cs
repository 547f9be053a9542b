using System.CommandLine;
using MedSsl.Methods;
using MedSsl.Models;
using MedSsl.Training;

namespace MedSsl.Cli;

/// <summary>`medssl pretrain`: SimCLR or MICLe on a dataset's training split, with checkpoints and --resume.</summary>
internal static class PretrainCommand
{
    public static Command Create()
    {
        var method = new Option<string>("--method") { Description = "simclr (two views of one image) or micle (two images of one case).", DefaultValueFactory = _ => "simclr" };
        method.AcceptOnlyFromAmong("simclr", "micle");
        var data = new Option<string>("--data") { Description = "Catalogued dataset (dermamnist-lesion, ...) or synthetic-cxr.", DefaultValueFactory = _ => "dermamnist-lesion" };
        var init = new Option<string?>("--init") { Description = "Start from this checkpoint's encoder (MICLe continues SimCLR)." };
        var steps = new Option<int>("--steps") { Description = "Optimizer steps.", DefaultValueFactory = _ => 300 };
        var batch = new Option<int>("--batch") { Description = "Images (MICLe: cases) per batch.", DefaultValueFactory = _ => 128 };
        var width = new Option<double>("--width") { Description = "ResNet-18 width multiplier (small stem).", DefaultValueFactory = _ => 0.25 };
        var output = new Option<string>("--out") { Description = "Run folder (checkpoints under it).", Required = true };
        var resume = new Option<bool>("--resume") { Description = "Continue from the newest checkpoint in --out." };
        var every = new Option<int>("--checkpoint-every") { Description = "Save every N steps (0: at the end).", DefaultValueFactory = _ => 100 };
        var clip = new Option<double?>("--clip-grad") { Description = "Clip the gradient norm to this." };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 0 };
        var cmd = new Command("pretrain", "Self-supervised pretraining (SimCLR or MICLe) with LARS, warm-up + cosine, checkpoints.")
            { method, data, init, steps, batch, width, output, resume, every, clip, seed };
        cmd.SetAction((r, ct) => Task.FromResult(CliErrors.Guard("pretrain", () =>
        {
            CliErrors.Positive("--steps", r.GetValue(steps));
            CliErrors.Positive("--batch", r.GetValue(batch));
            Determinism.Apply(r.GetValue(seed));
            using var d = TrainingData.Load(r.GetValue(data)!);
            Console.WriteLine($"data: {d.description}");
            var config = new PretrainConfig
            {
                method = r.GetValue(method)!, steps = r.GetValue(steps), batch = r.GetValue(batch), size = d.image_size,
                encoder = new EncoderSpec("resnet18", r.GetValue(width), Stem.Small, d.train.images.shape[1]),
                clip_grad_norm = r.GetValue(clip), seed = (ulong)r.GetValue(seed),
            };
            var result = Pretraining.Run(config, d.train, r.GetValue(init), r.GetValue(output), r.GetValue(resume), Console.WriteLine, ct, r.GetValue(every));
            if (result.init is not null) Console.WriteLine(result.init);
            Console.WriteLine($"{config.method}: steps {result.run.start_step}→{result.run.steps_done} in {result.run.seconds:F1} s" +
                              (result.run.cancelled ? " (cancelled)" : "") + $"; checkpoint {result.checkpoint}");
            return 0;
        })));
        return cmd;
    }
}
