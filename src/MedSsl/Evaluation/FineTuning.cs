using MedSsl.Methods;
using MedSsl.Optim;
using MedSsl.Torch;
using MedSsl.Torch.Optim;
using MedSsl.Training;
using MedSsl.Training.Checkpoints;
using MedSsl.Transforms;

namespace MedSsl.Evaluation;

/// <summary>
/// Stage 3 (paper-notes §2.6): end-to-end fine-tuning from layer 0. The encoder comes from a pretraining
/// checkpoint (its head dropped) or, with no checkpoint, from random init (the supervised baseline); a new
/// linear head sits on h. Runs in the shared <see cref="Trainer"/> with cosine decay and no warm-up.
/// </summary>
public static class FineTuning
{
    /// <summary>A fine-tuned model (the caller owns it) and the one-line report of what was loaded.</summary>
    public static (Supervised model, EncoderLoadReport? init) Run(FineTuneConfig c, ImageSet train, string? init, int seed,
        Action<StepEvent>? progress = null, CancellationToken cancellation = default)
    {
        if (train.labels is null) throw new ArgumentException($"{train.name}: fine-tuning needs labels.");
        Determinism.Apply(seed);
        var model = new Supervised(c.encoder, train.num_classes, train.task);
        try
        {
            var report = init is null ? null : PretrainedEncoder.Load(model.encoder, init);
            var lr = LrScaling.LinearScaledLr(c.base_lr, c.batch);
            using Optimizer opt = c.optimizer switch
            {
                "sgd" => torch.optim.SGD(model.parameters(), lr, momentum: 0.9, nesterov: true, weight_decay: c.weight_decay),
                "adam" => torch.optim.Adam(model.parameters(), lr, weight_decay: c.weight_decay),
                _ => throw new ArgumentException($"Unknown optimizer '{c.optimizer}'; use sgd or adam."),
            };
            var schedule = new WarmupCosineSchedule(lr, 0, c.steps);
            var trainer = new Trainer(model, opt, schedule.lr, new TrainerOptions { steps = c.steps, clip_grad_norm = c.clip_grad_norm, log_every = Math.Max(1, c.steps / 5) });
            if (progress is not null) trainer.StepCompleted += progress;
            var batch = Math.Min(c.batch, train.Count);
            trainer.fit(new ImageBatches(train, model.sampler(train.case_of_row, batch), Presets.FineTune(c.size), (ulong)seed), cancellation);
            return (model, report);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }
}
