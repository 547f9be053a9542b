namespace MedSsl.Optim;

/// <summary>
/// SimCLR's learning rate by step (WarmUpAndCosineDecay, paper-notes §2.7): linear warm-up from 0 to the peak
/// over warmup_steps, then cosine decay to 0 at total_steps, with no restart (the lr stays 0 afterwards).
/// <code>lr(s) = peak · s / W                                   for s &lt; W
/// lr(s) = peak · ½(1 + cos(π · min(s − W, T − W) / (T − W)))   otherwise</code>
/// Use <see cref="lr"/> directly, or <see cref="factor"/> as a LambdaLR multiplier of an optimizer whose lr is
/// the peak: <c>lr_scheduler.LambdaLR(opt, schedule.factor)</c>, stepped once per training step.
/// </summary>
public sealed class WarmupCosineSchedule
{
    public WarmupCosineSchedule(double peak_lr, int warmup_steps, int total_steps)
    {
        if (peak_lr < 0) throw new ArgumentException($"WarmupCosineSchedule: peak_lr must be ≥ 0, got {peak_lr}.");
        if (warmup_steps < 0 || total_steps < 1 || warmup_steps > total_steps)
            throw new ArgumentException($"WarmupCosineSchedule: need 0 ≤ warmup_steps ({warmup_steps}) ≤ total_steps ({total_steps}) and total_steps ≥ 1.");
        (this.peak_lr, this.warmup_steps, this.total_steps) = (peak_lr, warmup_steps, total_steps);
    }

    /// <summary>SimCLR's step counts from epochs: warm-up = round(warmup_epochs · N // B), total =
    /// N · epochs // B + 1 (model.py get_train_steps). SimCLR warms up for 10 epochs (§B.1).</summary>
    public static WarmupCosineSchedule FromEpochs(double peak_lr, double warmup_epochs, int epochs, long num_examples, int batch_size)
    {
        if (batch_size < 1 || num_examples < 1 || epochs < 0 || warmup_epochs < 0)
            throw new ArgumentException($"WarmupCosineSchedule.FromEpochs: got {epochs} epochs ({warmup_epochs} warm-up), " +
                                        $"{num_examples} examples, batch {batch_size}.");
        var warmup = (int)Math.Floor(warmup_epochs * num_examples / batch_size);
        var total = (int)(num_examples * epochs / batch_size + 1);
        return new WarmupCosineSchedule(peak_lr, Math.Min(warmup, total), total);
    }

    public double peak_lr { get; }
    public int warmup_steps { get; }
    public int total_steps { get; }

    /// <summary>The learning rate at a step (0-based; the first update uses step 0).</summary>
    public double lr(int step) => peak_lr * factor(step);

    /// <summary>lr(step) / peak_lr.</summary>
    public double factor(int step)
    {
        if (step < 0) throw new ArgumentOutOfRangeException(nameof(step), $"WarmupCosineSchedule: step {step} is negative.");
        if (step < warmup_steps) return (double)step / warmup_steps;
        var decay = total_steps - warmup_steps;
        if (decay == 0) return 0;
        var t = Math.Min(step - warmup_steps, decay) / (double)decay;
        return 0.5 * (1 + Math.Cos(Math.PI * t));
    }
}
