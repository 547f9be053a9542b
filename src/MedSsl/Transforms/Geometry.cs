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
    /// the crop to height × width in the same pass. Maps output pixel centres onto the box exactly as
    /// <c>F.interpolate</c> maps them onto a cut-out crop (align_corners = false); interpolation taps that fall
    /// outside the box read the neighbouring pixels of the image (border-replicated at the image edge) rather
    /// than replicating the box edge. Bicubic can overshoot: the result is clipped to [0, 1].
    /// </summary>
    public static Tensor resized_crop(Tensor x, Tensor boxes, long height, long width, string mode = "bicubic")
    {
        var b = boxes.to(torch.float64).cpu().unbind(1);
        var (top, left, h, w) = (b[0], b[1], b[2], b[3]);
        double imgH = x.size(2), imgW = x.size(3);
        var zero = torch.zeros_like(h);
        // x_in = left + (x_out + 0.5)·w/width − 0.5 in pixels, written in affine_grid's normalised coordinates.
        var theta = torch.stack(new[]
        {
            w / imgW, zero, (2.0 * left + w - imgW) / imgW,
            zero, h / imgH, (2.0 * top + h - imgH) / imgH,
        }, 1).view(-1, 2, 3);
        return warp_affine(x, theta, height, width, mode, "border").clamp_(0, 1);
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
