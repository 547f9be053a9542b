using MedSsl.Data.Loading;

namespace MedSsl.Methods;

/// <summary>
/// Multi-Instance Contrastive Learning (Azizi et al. 2021, §3; paper-notes §2.5): batches are cases, and the
/// positive pair is two different images of a case (each augmented), or two augmentations of the image of a
/// single-image case. The pairing is the loader's <see cref="MultiInstanceSampler"/>; the loss is SimCLR's.
/// </summary>
public sealed class Micle(EncoderSpec spec, long projection_dim = 128, double temperature = 0.1)
    : ContrastiveMethod(spec, projection_dim, temperature)
{
    public override string name => "micle";

    /// <summary>Batches of <paramref name="batch_size"/> cases, sampled per case (not per image).</summary>
    public override IBatchSampler sampler(IReadOnlyList<int> caseOfRow, int batch_size) =>
        new MultiInstanceSampler(caseOfRow, batch_size, shuffle: true, dropLast: true);
}
