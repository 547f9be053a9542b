namespace MedSsl.Training;

/// <summary>
/// Progress of a run, raised by <see cref="Trainer.StepCompleted"/> every log interval and at the end: the
/// CLI prints <see cref="ToString"/>; a notebook feeds <c>MedSsl.Display.Progress.Update(step, total, metrics)</c>.
/// </summary>
/// <param name="step">Steps completed (1-based).</param>
/// <param name="probe_accuracy">The online probe's running accuracy; NaN without a probe.</param>
public sealed record StepEvent(string method, int step, int total_steps, int epoch, double loss, double lr,
                               double probe_accuracy, double images_per_second, string? checkpoint)
{
    /// <summary>The metrics for <c>Progress.Update</c>.</summary>
    public IReadOnlyDictionary<string, double> metrics()
    {
        var m = new Dictionary<string, double> { ["loss"] = loss, ["lr"] = lr, ["img/s"] = images_per_second };
        if (!double.IsNaN(probe_accuracy)) m["probe acc"] = probe_accuracy;
        return m;
    }

    public override string ToString() => FormattableString.Invariant(
        $"{method,-10} step {step,5}/{total_steps}  epoch {epoch,3}  loss {loss,7:F4}  lr {lr,8:G3}") +
        (double.IsNaN(probe_accuracy) ? "" : FormattableString.Invariant($"  probe acc {probe_accuracy,6:P1}")) +
        FormattableString.Invariant($"  {images_per_second,6:F0} img/s") + (checkpoint is null ? "" : $"  saved {checkpoint}");
}
