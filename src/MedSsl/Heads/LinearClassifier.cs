using MedSsl.Torch;
using MedSsl.Torch.Modules;
using static MedSsl.Torch.torch.nn;

namespace MedSsl.Heads;

/// <summary>
/// The supervised head: one Linear from the features to class logits (SimCLR's SupervisedHead; for
/// multi-label X-rays, one logit per finding). zero_init starts from zero logits, as SimCLR v2 fine-tuning
/// does (zero_init_logits_layer, paper-notes §5.2); otherwise PyTorch's default Linear initialisation.
/// </summary>
public sealed class LinearClassifier : Module<Tensor, Tensor>
{
    readonly Linear fc;

    public LinearClassifier(long in_features, long num_classes, bool zero_init = false)
    {
        if (in_features < 1 || num_classes < 1)
            throw new ArgumentException($"LinearClassifier: in_features ({in_features}) and num_classes ({num_classes}) must be positive.");
        fc = Linear(in_features, num_classes);
        if (zero_init)
            using (torch.no_grad())
            {
                fc.weight.zero_();
                fc.bias!.zero_();
            }
        RegisterComponents();
    }

    public long in_features => fc.in_features;
    public long num_classes => fc.out_features;

    public override Tensor forward(Tensor x) => fc.call(x);
}
