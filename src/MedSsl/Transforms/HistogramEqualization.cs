using MedSsl.Torch;

namespace MedSsl.Transforms;

/// <summary>
/// Histogram equalisation of every image and channel on 256 grey levels, with the same lookup table as
/// torchvision's <c>equalize</c> (PIL's ImageOps.equalize): values are quantised to round(255·x), each
/// channel's cumulative histogram becomes its table, and a channel with (almost) one level is left as it is.
/// The REMEDIS code applies it to radiographs with p = 0.5 (wrap it in <see cref="RandomApply"/>).
/// All B·C histograms come from one scatter_add, so the batch never leaves its device.
/// </summary>
public sealed class HistogramEqualization : Transform
{
    const int Levels = 256;

    protected override Tensor Forward(Tensor x, Generator g)
    {
        long b = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3), rows = b * c, pixels = h * w;
        var levels = x.mul(Levels - 1).round_().clamp_(0, Levels - 1).to(torch.int64).reshape(rows, pixels);
        var offsets = torch.arange(0, rows * Levels, Levels, torch.int64, x.device).unsqueeze(1);
        var hist = torch.zeros(new[] { rows * Levels }, torch.float64, x.device)
            .scatter_add_(0, (levels + offsets).flatten(), torch.ones(new[] { rows * pixels }, torch.float64, x.device))
            .view(rows, Levels);
        // PIL's step: the pixels outside the highest level present, split over 255 steps.
        var top = hist.gather(1, levels.amax(new long[] { 1 }, keepdim: true));
        var step = ((pixels - top) / (Levels - 1)).floor_();                                 // [rows, 1]
        var safeStep = step.where(step.gt(0), 1.0);
        var lut = ((hist.cumsum(1) + (safeStep / 2).floor_()) / safeStep).floor_();
        // Level v maps to the rounded count of pixels below v: shift the table right by one.
        lut = torch.cat(new[] { torch.zeros(new[] { rows, 1L }, torch.float64, x.device), lut.narrow(1, 0, Levels - 1) }, 1)
            .clamp_(0, Levels - 1);
        var mapped = lut.gather(1, levels).where(step.gt(0), levels.to(torch.float64));
        return mapped.div_(Levels - 1).to(x.dtype).view(b, c, h, w);
    }
}
