using MedSsl.Torch;

namespace MedSsl.Transforms;

/// <summary>Turns each sample grey with probability p (ITU-R 601 luma, as torchvision), keeping the channel
/// count: SimCLR App. A applies it with p = 0.2 after the colour jitter, drawn independently.</summary>
public sealed class RandomGrayscale : Transform
{
    public double P { get; }

    public RandomGrayscale(double p = 0.2)
    {
        if (!(p >= 0 && p <= 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "RandomGrayscale: p must be in [0, 1].");
        P = p;
    }

    protected override Tensor Forward(Tensor x, Generator g)
    {
        RequireChannels(x, 1, 3);
        var chosen = PerSample.Bernoulli(g, x.size(0), P);
        if (x.size(1) == 1) return x;
        var grey = ColorOps.rgb_to_grayscale(x).expand(x.shape);
        return torch.where(PerSample.MaskColumn(chosen, x), grey, x);
    }

    public override string ToString() => $"RandomGrayscale(p={P})";
}
