using MedSsl.Torch;

namespace MedSsl.Transforms;

/// <summary>Scales each image's distance from its mean grey level by a factor drawn per sample from
/// [max(0, 1 − strength), 1 + strength] (torchvision's contrast; SimCLR App. A uses strength 0.8·s).</summary>
public sealed class RandomContrast : Transform
{
    public double Strength { get; }

    public RandomContrast(double strength)
    {
        if (!(strength >= 0)) throw new ArgumentOutOfRangeException(nameof(strength), strength, "RandomContrast: strength must be ≥ 0.");
        Strength = strength;
    }

    protected override Tensor Forward(Tensor x, Generator g) =>
        ColorOps.adjust_contrast(x, PerSample.Uniform(g, x.size(0), Math.Max(0, 1 - Strength), 1 + Strength));

    public override string ToString() => $"RandomContrast({Strength})";
}
