using MedSsl.Torch;

namespace MedSsl.Transforms;

/// <summary>Multiplies each image by a factor drawn per sample from [max(0, 1 − strength), 1 + strength]
/// (SimCLR v2's and torchvision's multiplicative brightness; SimCLR App. A uses strength 0.8·s).</summary>
public sealed class RandomBrightness : Transform
{
    public double Strength { get; }

    public RandomBrightness(double strength)
    {
        if (!(strength >= 0)) throw new ArgumentOutOfRangeException(nameof(strength), strength, "RandomBrightness: strength must be ≥ 0.");
        Strength = strength;
    }

    protected override Tensor Forward(Tensor x, Generator g) =>
        ColorOps.adjust_brightness(x, PerSample.Uniform(g, x.size(0), Math.Max(0, 1 - Strength), 1 + Strength));

    public override string ToString() => $"RandomBrightness({Strength})";
}
