using MedSsl.Torch;

namespace MedSsl.Transforms;

/// <summary>
/// Rotates each sample by an angle drawn per sample from [−degrees, degrees] about its centre, bilinear,
/// with <c>fill</c> in the corners (the paper's CheXpert pretraining uses ±45°, §2.4 of the notes; the REMEDIS
/// code's <c>random_rotation</c> is uniform in (−x, x), bilinear, before the crop).
/// </summary>
public sealed class RandomRotation : Transform
{
    public double Degrees { get; }
    public string Interpolation { get; }
    public double Fill { get; }

    public RandomRotation(double degrees = 45, string interpolation = "bilinear", double fill = 0)
    {
        if (!(degrees >= 0 && degrees <= 180))
            throw new ArgumentOutOfRangeException(nameof(degrees), degrees, "RandomRotation: degrees must be in [0, 180].");
        if (interpolation is not ("bilinear" or "nearest"))
            throw new ArgumentException($"RandomRotation: interpolation \"{interpolation}\" is unknown; use bilinear or nearest.");
        (Degrees, Interpolation, Fill) = (degrees, interpolation, fill);
    }

    protected override Tensor Forward(Tensor x, Generator g) =>
        Geometry.rotate(x, PerSample.Uniform(g, x.size(0), -Degrees, Degrees), Interpolation, Fill);

    public override string ToString() => $"RandomRotation(±{Degrees}°, {Interpolation}, fill={Fill})";
}
