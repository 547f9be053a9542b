using MedSsl.Torch;

namespace MedSsl.Transforms;

/// <summary>
/// Elastic deformation (Simard et al. 2003): a random displacement field per sample, uniform in [−1, 1] at
/// every pixel, smoothed with a Gaussian of std <c>sigma</c> px and scaled by <c>alpha</c> px, warps the image
/// by bilinear sampling (edges replicated). The defaults are Simard's for 28-px digits (σ = 4, α = 34). The
/// REMEDIS code offers it for radiographs; the paper's presets do not use it.
/// </summary>
public sealed class ElasticDeformation : Transform
{
    public double Alpha { get; }
    public double Sigma { get; }

    public ElasticDeformation(double alpha = 34, double sigma = 4)
    {
        if (!(alpha >= 0)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "ElasticDeformation: alpha must be ≥ 0 pixels.");
        if (!(sigma > 0)) throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "ElasticDeformation: sigma must be > 0 pixels.");
        (Alpha, Sigma) = (alpha, sigma);
    }

    protected override Tensor Forward(Tensor x, Generator g)
    {
        long b = x.size(0), h = x.size(2), w = x.size(3);
        var noise = torch.rand(new[] { b, 2, h, w }, torch.float64, generator: g).mul_(2).sub_(1).to(x.dtype, x.device);
        // A kernel of ±3σ, kept inside the image so the reflected border exists.
        var radius = (int)Math.Min(Math.Ceiling(3 * Sigma), Math.Min(h, w) - 1);
        var field = GaussianBlur.gaussian_blur(noise, 2 * radius + 1, torch.full(new[] { b }, Sigma, torch.float64));
        // Pixels to affine_grid's normalised units: x spans 2/W per pixel, y 2/H.
        var scale = torch.tensor(new[] { 2.0 / w, 2.0 / h }, 1, 1, 1, 2).to(x.dtype, x.device);
        var grid = Geometry.identity_grid(b, h, w, x.dtype, x.device) + field.permute(0, 2, 3, 1) * scale * Alpha;
        return torch.nn.functional.grid_sample(x, grid, "bilinear", "border", align_corners: false);
    }

    public override string ToString() => $"ElasticDeformation(alpha={Alpha}, sigma={Sigma})";
}
