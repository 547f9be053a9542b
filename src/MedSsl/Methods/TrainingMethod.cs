using MedSsl.Data.Loading;
using MedSsl.Models;
using MedSsl.Torch;
using MedSsl.Torch.Modules;
using static MedSsl.Torch.torch.nn;
using MedSsl.Training;

namespace MedSsl.Methods;

/// <summary>What one step of a method gives the training loop: the loss to minimise and the detached
/// pooled features h of the first view (for the online probe).</summary>
public sealed record StepOutput(Tensor loss, Tensor features);

/// <summary>
/// A training method in lightly's sense: an encoder plus whatever the objective needs (a head, a loss),
/// and the way its batches are sampled. Every method trains in the one <see cref="Trainer"/>; forward gives
/// the encoder's pooled features h. State-dict keys start with <c>encoder.</c>, so fine-tuning can take the
/// encoder alone (<see cref="Training.Checkpoints.PretrainedEncoder"/>).
/// </summary>
public abstract class TrainingMethod : Module<Tensor, Tensor>
{
    protected TrainingMethod(ResNet encoder, EncoderSpec spec)
    {
        this.encoder = encoder;
        this.spec = spec;
    }

    public readonly ResNet encoder;

    /// <summary>The encoder's architecture, recorded in checkpoints.</summary>
    public EncoderSpec spec { get; }

    /// <summary>Short name for logs and checkpoints: "simclr", "micle", "supervised".</summary>
    public abstract string name { get; }

    /// <summary>Which rows make up each batch (and their views), decided from (seed, epoch) alone.</summary>
    /// <param name="caseOfRow">The case of each training row (MICLe pairs rows of a case).</param>
    /// <param name="batch_size">Elements per batch: images, or cases for MICLe.</param>
    public abstract IBatchSampler sampler(IReadOnlyList<int> caseOfRow, int batch_size);

    /// <summary>The loss of one batch (views already augmented, labels where the method uses them).</summary>
    public abstract StepOutput training_step(TrainBatch batch);

    /// <summary>The pooled features h [N, num_features].</summary>
    public override Tensor forward(Tensor x)
    {
        using var map = encoder.forward_features(x);
        return encoder.forward_head(map, pre_logits: true);
    }
}
