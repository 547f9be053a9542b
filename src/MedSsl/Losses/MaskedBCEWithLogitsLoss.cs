using MedSsl.Torch;
using static MedSsl.Torch.torch.nn;

namespace MedSsl.Losses;

/// <summary>
/// Multi-label binary cross entropy on logits [N, L] (one sigmoid per finding, the chest X-ray task,
/// paper-notes §2.6) where a NaN label means "not labelled" (TorchXRayVision's convention): NaN entries
/// count for nothing and are left out of the mean, which runs over the labelled entries only. pos_weight [L]
/// scales each label's positive term (PyTorch's pos_weight), e.g. negatives/positives for rare findings.
/// A batch with no labelled entry gives 0 (still attached to the graph, so backward works and changes nothing).
/// </summary>
public sealed class MaskedBCEWithLogitsLoss : Module<Tensor, Tensor, Tensor>
{
    public MaskedBCEWithLogitsLoss(Tensor? pos_weight = null) =>
        register_buffer("pos_weight", pos_weight?.detach());  // a buffer, as in PyTorch: it follows .to(device)

    public Tensor? pos_weight => GetBuffer("pos_weight");

    public override Tensor forward(Tensor logits, Tensor labels)
    {
        if (!logits.shape.SequenceEqual(labels.shape))
            throw new ArgumentException($"MaskedBCEWithLogitsLoss: logits [{string.Join(", ", logits.shape)}] and labels " +
                                        $"[{string.Join(", ", labels.shape)}] must have the same shape.");
        using var scope = torch.NewDisposeScope();
        var labelled = labels.isnan().logical_not();
        var target = labels.masked_fill(labelled.logical_not(), 0).to(logits.dtype);
        var weight = labelled.to(logits.dtype);
        var per_entry = functional.binary_cross_entropy_with_logits(logits, target, reduction: Reduction.None, pos_weight: pos_weight);
        var loss = per_entry.mul(weight).sum().div(weight.sum().clamp_min(1));
        return loss.MoveToOuterDisposeScope();
    }
}
