using MedSsl.Torch;

namespace MedSsl.Transforms;

/// <summary>Blends each image with its grey version by a factor drawn per sample from [max(0, 1 − strength),
/// 1 + strength] (torchvision's saturation; SimCLR App. A uses strength 0.8·s). Grey images pass unchanged.</summary>
public sealed class RandomSaturation : Transform
{
    public double Strength { get; }

    public RandomSaturation(double strength)
    {
        if (!(strength >= 0)) throw new ArgumentOutOfRangeException(nameof(strength), strength, "RandomSaturation: strength must be ≥ 0.");
        Strength = strength;
    }

    protected override Tensor Forward(Tensor x, Generator g) =>
        ColorOps.adjust_saturation(x, PerSample.Uniform(g, x.size(0), Math.Max(0, 1 - Strength), 1 + Strength));

    public override string ToString() => $"RandomSaturation({Strength})";
}
