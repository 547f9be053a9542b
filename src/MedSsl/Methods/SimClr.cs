using MedSsl.Data.Loading;

namespace MedSsl.Methods;

/// <summary>SimCLR (Chen et al. 2020): the positive pair is two augmentations of one image; every image
/// once per epoch (the loader's <see cref="TwoViewSampler"/>).</summary>
public sealed class SimClr(EncoderSpec spec, long projection_dim = 128, double temperature = 0.1)
    : ContrastiveMethod(spec, projection_dim, temperature)
{
    public override string name => "simclr";

    public override IBatchSampler sampler(IReadOnlyList<int> caseOfRow, int batch_size) =>
        new TwoViewSampler(caseOfRow.Count, batch_size, shuffle: true, dropLast: true);
}
