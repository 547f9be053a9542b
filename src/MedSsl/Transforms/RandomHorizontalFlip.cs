using MedSsl.Torch;

namespace MedSsl.Transforms;

/// <summary>Mirrors each sample left–right with probability p (SimCLR App. A: p = 0.5, after the crop).</summary>
public sealed class RandomHorizontalFlip : Transform
{
    public double P { get; }

    public RandomHorizontalFlip(double p = 0.5)
    {
        if (!(p >= 0 && p <= 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "RandomHorizontalFlip: p must be in [0, 1].");
        P = p;
    }

    protected override Tensor Forward(Tensor x, Generator g)
    {
        var chosen = PerSample.Bernoulli(g, x.size(0), P);
        return torch.where(PerSample.MaskColumn(chosen, x), x.flip(3), x);
    }

    public override string ToString() => $"RandomHorizontalFlip(p={P})";
}
