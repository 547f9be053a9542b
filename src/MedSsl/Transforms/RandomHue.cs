using MedSsl.Torch;

namespace MedSsl.Transforms;

/// <summary>Rotates each image's hue by a shift drawn per sample from [−strength, strength] turns
/// (strength ≤ 0.5; SimCLR App. A uses 0.2·s). Grey images pass unchanged.</summary>
public sealed class RandomHue : Transform
{
    public double Strength { get; }

    public RandomHue(double strength)
    {
        if (!(strength >= 0 && strength <= 0.5))
            throw new ArgumentOutOfRangeException(nameof(strength), strength, "RandomHue: strength must be in [0, 0.5] turns.");
        Strength = strength;
    }

    protected override Tensor Forward(Tensor x, Generator g) =>
        ColorOps.adjust_hue(x, PerSample.Uniform(g, x.size(0), -Strength, Strength));

    public override string ToString() => $"RandomHue({Strength})";
}
