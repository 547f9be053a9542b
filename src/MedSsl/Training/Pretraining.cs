using System.Text.Json;
using System.Text.Json.Nodes;
using MedSsl.Data;
using MedSsl.Methods;
using MedSsl.Optim;
using MedSsl.Torch.Optim;
using MedSsl.Training.Checkpoints;
using MedSsl.Transforms;

namespace MedSsl.Training;

/// <summary>What a pretraining run produced.</summary>
public sealed record PretrainResult(TrainResult run, string? checkpoint, EncoderLoadReport? init);

/// <summary>
/// Stage 2 / 2b of the paper (paper-notes §2.4–2.5): SimCLR or MICLe on unlabelled in-domain images with LARS,
/// square-root lr scaling and warm-up + cosine (§2.7), optionally continuing from an earlier checkpoint's
/// encoder (MICLe continues from SimCLR). Labels, where the set has them, feed only the online probe.
/// </summary>
public static class Pretraining
{
    public static TrainingMethod CreateMethod(PretrainConfig c) => c.method switch
    {
        "simclr" => new SimClr(c.encoder, c.projection_dim, c.temperature),
        "micle" => new Micle(c.encoder, c.projection_dim, c.temperature),
        _ => throw new ArgumentException($"Unknown pretraining method '{c.method}'; use simclr or micle."),
    };

    /// <summary>The view augmentation: the Derm (SimCLR) recipe for RGB, the chest X-ray recipe for grey images (§2.4).</summary>
    public static ITransform Views(PretrainConfig c, long channels) =>
        channels == 1 ? Presets.ChestXray(c.size) : Presets.SimClrNatural(c.size, s: 1.0, blur: c.blur);

    public static PretrainResult Run(PretrainConfig c, ImageSet data, string? init = null, string? out_dir = null, bool resume = false,
                                     Action<StepEvent>? progress = null, CancellationToken cancellation = default, int checkpoint_every = 0)
    {
        using var method = CreateMethod(c);
        var report = init is null ? null : PretrainedEncoder.Load(method.encoder, init);
        using var lars = new Lars(method.named_parameters(), LrScaling.SqrtScaledLr(c.base_lr, c.batch), weight_decay: c.weight_decay);
        var schedule = new WarmupCosineSchedule(lars.defaults.lr, (int)Math.Round(c.warmup_fraction * c.steps), c.steps);
        using var probe = data.task == TaskKind.Multiclass ? new OnlineLinearProbe(method.encoder.num_features, data.num_classes) : null;
        var trainer = new Trainer(method, lars, schedule.lr, new TrainerOptions
        {
            steps = c.steps, clip_grad_norm = c.clip_grad_norm, checkpoint_dir = out_dir, resume = resume,
            checkpoint_every = checkpoint_every, log_every = Math.Max(1, c.steps / 10),
            config = JsonSerializer.SerializeToNode(c with { }, new JsonSerializerOptions { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } })!.AsObject(),
        }, probe);
        if (progress is not null) trainer.StepCompleted += progress;
        var batches = new ImageBatches(data, method.sampler(data.case_of_row, c.batch), Views(c, data.images.shape[1]), c.seed);
        var result = trainer.fit(batches, cancellation);
        return new PretrainResult(result, result.checkpoint, report);
    }
}
