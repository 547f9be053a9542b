using MedSsl.Torch;
using F = MedSsl.Torch.torch.nn.functional;

namespace MedSsl.Transforms;

/// <summary>
/// Per-sample geometric warps of a batch in one <c>grid_sample</c> call. Each sample gets its own affine map
/// (theta [B, 2, 3] in the normalised [-1, 1] coordinates of affine_grid, align_corners = false), so a batch of
/// different crops or rotations costs one kernel, on whatever device the batch is.
/// </summary>
public static class Geometry
{
    /// <summary>Samples x through the per-sample affine maps theta (any dtype/device; moved to x's) into an
    /// output of height × width. mode: "bilinear", "bicubic" or "nearest"; padding: "zeros", "border", "reflection".</summary>
    public static Tensor warp_affine(Tensor x, Tensor theta, long height, long width, string mode = "bilinear",
                                     string padding = "zeros")
    {
        var th = theta.to(x.dtype, x.device);
        var grid = F.affine_grid(th, new[] { x.size(0), x.size(1), height, width }, align_corners: false);
        return F.grid_sample(x, grid, mode, padding, align_corners: false);
    }

    /// <summary>
    /// Crops each sample to its box (top, left, height, width as an int64 [B, 4] tensor, in pixels) and resizes
    /// the crop to height × width in the same pass: "bicubic" (PyTorch's A = −0.75 kernel) or "bilinear".
    /// Output pixel centres map onto the box as <c>F.interpolate</c> maps them onto a cut-out crop
    /// (align_corners = false); taps that fall outside the box read the image's real neighbours (replicated at the
    /// image edge) instead of replicating the box edge. Axis-aligned boxes make the resampling separable, so the
    /// batch goes through two batched matrix products with per-sample interpolation matrices, which is several
    /// times faster than bicubic grid_sample on a CPU. Bicubic can overshoot: the result is clipped to [0, 1].
    /// </summary>
    public static Tensor resized_crop(Tensor x, Tensor boxes, long height, long width, string mode = "bicubic")
    {
        var b = boxes.to(torch.float64).cpu().unbind(1);
        var rows = ResampleMatrix(b[0], b[2], x.size(2), height, mode).to(x.dtype, x.device);    // [B, height, H]
        var cols = ResampleMatrix(b[1], b[3], x.size(3), width, mode).to(x.dtype, x.device);     // [B, width, W]
        var y = rows.unsqueeze(1).matmul(x).matmul(cols.transpose(1, 2).unsqueeze(1));          // [B, C, height, width]
        return mode == "bicubic" ? y.clamp_(0, 1) : y;
    }

    /// <summary>Per-sample weights [B, outSize, size] that resample the span [start, start + length) of an axis of
    /// `size` pixels to outSize pixels; duplicate taps at the image edge add up (edge replication).</summary>
    static Tensor ResampleMatrix(Tensor start, Tensor length, long size, long outSize, string mode)
    {
        var centre = torch.arange(0.5, outSize, 1, torch.float64);                                // [S]
        var src = start.unsqueeze(1) + centre * (length / outSize).unsqueeze(1) - 0.5;           // [B, S]
        var i0 = src.floor();
        var t = (src - i0).unsqueeze(2);                                                         // [B, S, 1]
        var (offsets, weights) = mode switch
        {
            "bicubic" => (new double[] { -1, 0, 1, 2 }, CubicWeights(t)),
            "bilinear" => (new double[] { 0, 1 }, torch.cat(new[] { 1.0 - t, t }, 2)),
            _ => throw new ArgumentException($"resized_crop: mode \"{mode}\" is unknown; use bicubic or bilinear."),
        };
        var taps = (i0.unsqueeze(2) + torch.tensor(offsets)).clamp_(0, size - 1).to(torch.int64);  // [B, S, T]
        return torch.zeros(new[] { start.size(0), outSize, size }, torch.float64).scatter_add_(2, taps, weights);
    }

    // Keys' cubic convolution with A = −0.75 (PyTorch's upsample_bicubic2d) at distances 1 + t, t, 1 − t, 2 − t.
    static Tensor CubicWeights(Tensor t)
    {
        const double a = -0.75;
        Tensor Near(Tensor d) => ((a + 2) * d - (a + 3)) * d * d + 1;                            // |d| ≤ 1
        Tensor Far(Tensor d) => ((a * d - 5 * a) * d + 8 * a) * d - 4 * a;                      // 1 < |d| < 2
        return torch.cat(new[] { Far(t + 1), Near(t), Near(1 - t), Far(2 - t) }, 2);
    }

    /// <summary>
    /// Rotates each sample about its centre by its angle in degrees (counter-clockwise for positive angles, as
    /// torchvision's rotate), keeping the size; corners that come from outside the image get <paramref name="fill"/>.
    /// </summary>
    public static Tensor rotate(Tensor x, Tensor degrees, string mode = "bilinear", double fill = 0)
    {
        var rad = degrees.to(torch.float64).cpu() * (Math.PI / 180);
        var (cos, sin) = (rad.cos(), rad.sin());
        double aspect = (double)x.size(2) / x.size(3);  // H / W: pixel-space rotation in normalised coordinates
        var zero = torch.zeros_like(cos);
        // Image y points down: x_in = cos·x − sin·y, y_in = sin·x + cos·y turns the picture counter-clockwise.
        var theta = torch.stack(new[] { cos, -sin * aspect, zero, sin / aspect, cos, zero }, 1).view(-1, 2, 3);
        var y = warp_affine(x, theta, x.size(2), x.size(3), mode, "zeros");
        if (fill == 0) return y;
        // Where the grid left the image, a sampled ones-channel falls below 1: blend the fill in there by that
        // weight (torchvision's formula, which also weights the sampled value once more).
        var inside = warp_affine(torch.ones(new[] { x.size(0), 1, x.size(2), x.size(3) }, x.dtype, x.device), theta,
                                 x.size(2), x.size(3), mode, "zeros");
        return y * inside + (1.0 - inside) * fill;
    }

    /// <summary>An identity sampling grid [B, H, W, 2] (align_corners = false) to add displacement fields to.</summary>
    public static Tensor identity_grid(long batch, long height, long width, ScalarType dtype, Device device)
    {
        var eye = torch.tensor(new double[] { 1, 0, 0, 0, 1, 0 }, 1, 2, 3).expand(batch, 2, 3).to(dtype, device);
        return F.affine_grid(eye, new[] { batch, 1, height, width }, align_corners: false);
    }
}
