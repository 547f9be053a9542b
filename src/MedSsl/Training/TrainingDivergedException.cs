namespace MedSsl.Training;

/// <summary>The loss, the gradient norm, the lr or a weight became NaN or infinite at <see cref="step"/> (1-based). Nothing after the last good checkpoint was saved.</summary>
public sealed class TrainingDivergedException(string what, int step, double value, string? last_checkpoint)
    : Exception($"Training diverged at step {step}: the {what} is {value}. " +
                (last_checkpoint is null ? "No checkpoint was saved before it. " : $"The last good checkpoint is {last_checkpoint}. ") +
                "Lower the learning rate, enable gradient clipping (--clip-grad), or check the input data.")
{
    public string what { get; } = what;
    public int step { get; } = step;
    public double value { get; } = value;
    public string? last_checkpoint { get; } = last_checkpoint;
}
