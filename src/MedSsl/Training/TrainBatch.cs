using MedSsl.Torch;

namespace MedSsl.Training;

/// <summary>One training step's data: augmented float views [B, C, H, W] (one, or two for contrastive
/// methods), the labels of the rows of the first view (null when the set has none) and those rows.</summary>
public sealed record TrainBatch(long step, int epoch, Tensor[] views, Tensor? labels, int[] rows) : IDisposable
{
    public int Count => rows.Length;

    public void Dispose()
    {
        foreach (var v in views) v.Dispose();
        labels?.Dispose();
    }
}
