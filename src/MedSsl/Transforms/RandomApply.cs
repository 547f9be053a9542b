using MedSsl.Torch;

namespace MedSsl.Transforms;

/// <summary>
/// Applies a transform to each sample with probability p, decided per sample (SimCLR's <c>random_apply</c>;
/// torchvision's RandomApply decides once per call, which is the same when called per image). The chosen samples
/// go through the transform as one sub-batch; the others are left untouched. The transform must keep shapes.
/// </summary>
public sealed class RandomApply : Transform
{
    public ITransform Inner { get; }
    public double P { get; }

    public RandomApply(ITransform transform, double p = 0.5)
    {
        Inner = transform ?? throw new ArgumentNullException(nameof(transform));
        if (!(p >= 0 && p <= 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "RandomApply: p must be in [0, 1].");
        P = p;
    }

    /// <summary>Several transforms in sequence, applied together with probability p.</summary>
    public RandomApply(double p, params ITransform[] transforms) : this(new Compose(transforms), p) { }

    protected override Tensor Forward(Tensor x, Generator g)
    {
        var chosen = PerSample.Bernoulli(g, x.size(0), P);
        return PerSample.Where(x, chosen, sub => Inner.Apply(sub, g), Name);
    }

    public override string ToString() => $"RandomApply(p={P}, {Inner.ToString()!.Replace("\n", "\n  ")})";
}
