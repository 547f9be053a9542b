using MedSsl.Torch;
using static MedSsl.Torch.torch.nn;

namespace MedSsl.Losses;

/// <summary>
/// Supervised softmax cross entropy of logits [N, C] against class indices [N] (the Derm task, 27 classes,
/// paper-notes §2.6), mean over the batch. label_smoothing mixes the target with the uniform distribution
/// (PyTorch's formula); 0 by default since SimCLR fine-tuning uses no regularisation (App. B.5).
/// </summary>
public sealed class SoftmaxCrossEntropyLoss : Module<Tensor, Tensor, Tensor>
{
    public SoftmaxCrossEntropyLoss(double label_smoothing = 0.0, Tensor? class_weight = null)
    {
        if (label_smoothing is < 0 or > 1)
            throw new ArgumentException($"SoftmaxCrossEntropyLoss: label_smoothing must be in [0, 1], got {label_smoothing}.");
        this.label_smoothing = label_smoothing;
        register_buffer("class_weight", class_weight?.detach());  // a buffer, as PyTorch's weight: it follows .to(device)
    }

    public double label_smoothing { get; }

    /// <summary>Optional per-class weights [C] (PyTorch's weight=).</summary>
    public Tensor? class_weight => GetBuffer("class_weight");

    public override Tensor forward(Tensor logits, Tensor labels)
    {
        if (logits.dim() != 2 || labels.dim() != 1 || labels.shape[0] != logits.shape[0])
            throw new ArgumentException($"SoftmaxCrossEntropyLoss: expected logits [N, C] and labels [N], got " +
                                        $"[{string.Join(", ", logits.shape)}] and [{string.Join(", ", labels.shape)}].");
        return functional.cross_entropy(logits, labels, class_weight, label_smoothing: label_smoothing);
    }

    public override string extra_repr() => $"label_smoothing={label_smoothing}";
}
