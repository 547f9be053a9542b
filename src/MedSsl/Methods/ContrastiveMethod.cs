using MedSsl.Heads;
using MedSsl.Losses;
using MedSsl.Models;
using MedSsl.Torch;

namespace MedSsl.Methods;

/// <summary>
/// Encoder f, projection head g and NT-Xent over two views (SimCLR §2.1): z = g(f(x)). Both views go through
/// the encoder as one batch of 2N, so batch-norm statistics cover both (as SimCLR's code concatenates them).
/// SimCLR and MICLe share this and differ only in which two images make a positive pair.
/// </summary>
public abstract class ContrastiveMethod : TrainingMethod
{
    public readonly ProjectionHead head;
    public readonly NTXentLoss criterion;

    /// <param name="projection_dim">128 in the paper (MICLe §3, paper-notes §2.2).</param>
    /// <param name="temperature">0.1, SimCLR's code default (paper-notes §2.3); the notes suggest 0.2 at small batch (§8).</param>
    protected ContrastiveMethod(EncoderSpec spec, long projection_dim = 128, double temperature = 0.1) : this(spec.Create(), spec, projection_dim, temperature) { }

    ContrastiveMethod(ResNet encoder, EncoderSpec spec, long projection_dim, double temperature) : base(encoder, spec)
    {
        // The code's two-layer head with BN (MICLe's "two fully connected layers", paper-notes §2.2).
        head = ProjectionHead.SimClrCode(encoder.num_features, projection_dim, num_layers: 2);
        criterion = new NTXentLoss(temperature);
        RegisterComponents();
    }

    public override StepOutput training_step(Training.TrainBatch batch)
    {
        if (batch.views.Length != 2) throw new ArgumentException($"{name}: expected two views per batch, got {batch.views.Length}.");
        using var scope = torch.NewDisposeScope();
        var n = batch.views[0].shape[0];
        var h = forward(torch.cat(batch.views, 0));
        var z = head.call(h);
        var loss = criterion.call(z.slice(0, 0, n), z.slice(0, n, 2 * n));
        var features = h.slice(0, 0, n).detach();
        return new StepOutput(loss.MoveToOuterDisposeScope(), features.MoveToOuterDisposeScope());
    }
}
