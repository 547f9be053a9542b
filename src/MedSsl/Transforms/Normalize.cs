using MedSsl.Torch;

namespace MedSsl.Transforms;

/// <summary>(x − mean) / std per channel (torchvision's Normalize). SimCLR feeds [0, 1] images without it;
/// it is here for encoders trained with it (e.g. ImageNet statistics).</summary>
public sealed class Normalize : Transform
{
    public IReadOnlyList<double> Mean { get; }
    public IReadOnlyList<double> Std { get; }

    public Normalize(double[] mean, double[] std)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(std);
        if (mean.Length == 0 || mean.Length != std.Length)
            throw new ArgumentException($"Normalize: mean and std need the same, non-zero length, got {mean.Length} and {std.Length}.");
        if (std.Any(s => !(s > 0))) throw new ArgumentException($"Normalize: every std must be > 0, got [{string.Join(", ", std)}].");
        (Mean, Std) = (mean.ToArray(), std.ToArray());
    }

    /// <summary>The ImageNet channel statistics torchvision's models expect.</summary>
    public static Normalize ImageNet() => new(new[] { 0.485, 0.456, 0.406 }, new[] { 0.229, 0.224, 0.225 });

    protected override Tensor Forward(Tensor x, Generator g)
    {
        if (Mean.Count != 1 && Mean.Count != x.size(1))
            throw new ArgumentException($"{Name}: {Mean.Count} channel statistics for images of {Describe(x)}.");
        var mean = torch.tensor(Mean.ToArray(), 1, Mean.Count, 1, 1).to(x.dtype, x.device);
        var std = torch.tensor(Std.ToArray(), 1, Std.Count, 1, 1).to(x.dtype, x.device);
        return (x - mean) / std;
    }

    public override string ToString() => $"Normalize(mean=[{string.Join(", ", Mean)}], std=[{string.Join(", ", Std)}])";
}
