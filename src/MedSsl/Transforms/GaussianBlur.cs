using MedSsl.Torch;
using F = MedSsl.Torch.torch.nn.functional;

namespace MedSsl.Transforms;

/// <summary>
/// Gaussian blur of each sample with probability p and σ drawn per sample from [sigmaMin, sigmaMax] (SimCLR
/// App. A: p = 0.5, σ ∈ [0.1, 2.0], kernel 10% of the side). The kernel size defaults to SimCLR's rule on the
/// input's height, 2·((H / 10) / 2) + 1 taps (224 px → 23, 32 px → 3). Borders are reflected, as torchvision
/// (SimCLR's TF code zero-pads, which darkens the edges). Two depthwise passes blur the chosen samples at once.
/// </summary>
public sealed class GaussianBlur : Transform
{
    public int? KernelSize { get; }
    public double P { get; }
    public (double Min, double Max) Sigma { get; }

    public GaussianBlur(int? kernel_size = null, double p = 0.5, double sigmaMin = 0.1, double sigmaMax = 2.0)
    {
        if (!(p >= 0 && p <= 1)) throw new ArgumentOutOfRangeException(nameof(p), p, "GaussianBlur: p must be in [0, 1].");
        if (kernel_size is { } k && (k <= 0 || k % 2 == 0))
            throw new ArgumentOutOfRangeException(nameof(kernel_size), k, "GaussianBlur: the kernel size must be odd and positive.");
        if (!(sigmaMin > 0 && sigmaMin <= sigmaMax))
            throw new ArgumentOutOfRangeException(nameof(sigmaMin), $"GaussianBlur: need 0 < sigmaMin ≤ sigmaMax, got [{sigmaMin}, {sigmaMax}].");
        (KernelSize, P, Sigma) = (kernel_size, p, (sigmaMin, sigmaMax));
    }

    /// <summary>SimCLR's kernel for an image side: radius = (side / 10) / 2, size = 2·radius + 1.</summary>
    public static int SimClrKernelSize(long side) => 2 * (int)(side / 10 / 2) + 1;

    protected override Tensor Forward(Tensor x, Generator g)
    {
        var chosen = PerSample.Bernoulli(g, x.size(0), P);
        var sigma = PerSample.Uniform(g, x.size(0), Sigma.Min, Sigma.Max);
        var kernel = KernelSize ?? SimClrKernelSize(x.size(2));
        return PerSample.Route(x, chosen.to(torch.int64), new Func<Tensor, Tensor>?[]
        {
            null,
            sub => gaussian_blur(sub, kernel, sigma.masked_select(chosen)),
        }, Name);
    }

    /// <summary>Blurs each sample with its own σ (a [B] tensor) and a shared odd kernel size, reflecting borders;
    /// the same values as torchvision's <c>gaussian_blur(img, [k, k], [σ, σ])</c>.</summary>
    public static Tensor gaussian_blur(Tensor x, int kernel_size, Tensor sigma)
    {
        var r = kernel_size / 2;
        if (r == 0) return x;
        long b = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
        if (r >= h || r >= w)
            throw new ArgumentException($"gaussian_blur: a {kernel_size}-tap kernel needs images larger than {r} px a side, got {Transform.Describe(x)}.");
        var taps = torch.arange(-r, r + 1, 1, torch.float64);                                   // [k]
        var pdf = (taps.unsqueeze(0) / sigma.to(torch.float64).cpu().unsqueeze(1)).square_().mul_(-0.5).exp_();
        var kernel = (pdf / pdf.sum(1, keepdim: true)).to(x.dtype, x.device);                    // [B, k]
        // One depthwise filter per (sample, channel): the batch becomes the channels of a single image.
        var perChannel = kernel.unsqueeze(1).expand(b, c, kernel_size).reshape(b * c, 1, kernel_size);
        var padded = F.pad(x, new long[] { r, r, r, r }, "reflect").reshape(1, b * c, h + 2 * r, w + 2 * r);
        var vertical = F.conv2d(padded, perChannel.unsqueeze(3), groups: b * c);
        var both = F.conv2d(vertical, perChannel.unsqueeze(2), groups: b * c);
        return both.view(b, c, h, w);
    }

    public override string ToString() =>
        $"GaussianBlur(p={P}, kernel={(KernelSize?.ToString() ?? "10% of side")}, sigma=[{Sigma.Min}, {Sigma.Max}])";
}
