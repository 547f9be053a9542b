using MedSsl.Torch;

namespace MedSsl.Transforms;

/// <summary>RGB ↔ HSV on batches [B, 3, H, W] with all three channels in [0, 1] (hue in turns), matching
/// torchvision's tensor conversion (Pillow's formulas): grey pixels get hue 0 and saturation 0.</summary>
public static class Hsv
{
    public static Tensor rgb_to_hsv(Tensor x)
    {
        var c = x.unbind(1);
        var (r, g, b) = (c[0], c[1], c[2]);
        var maxc = x.amax(new long[] { 1 });
        var minc = x.amin(new long[] { 1 });
        var grey = maxc.eq(minc);
        var range = maxc - minc;
        // Grey pixels divide by 1 instead of 0; their hue then comes out 0 whatever the branch.
        var s = range / maxc.where(grey.logical_not(), 1.0);
        var divisor = range.where(grey.logical_not(), 1.0);
        var rc = (maxc - r) / divisor;
        var gc = (maxc - g) / divisor;
        var bc = (maxc - b) / divisor;
        // Red is the max → between yellow and magenta; green → cyan..yellow; else blue → magenta..cyan.
        var h = torch.where(maxc.eq(r), bc - gc, torch.where(maxc.eq(g), 2.0 + rc - bc, 4.0 + gc - rc));
        h = (h / 6.0 + 1.0).fmod_(1.0);
        return torch.stack(new[] { h, s, maxc }, 1);
    }

    // Which of (v, q, p, t) each of R, G, B takes in each of the six hue sectors.
    static readonly long[] SectorTable =
    {
        0, 3, 2,  // 0: red → yellow
        1, 0, 2,  // 1: yellow → green
        2, 0, 3,  // 2: green → cyan
        2, 1, 0,  // 3: cyan → blue
        3, 2, 0,  // 4: blue → magenta
        0, 2, 1,  // 5: magenta → red
    };

    public static Tensor hsv_to_rgb(Tensor x)
    {
        var c = x.unbind(1);
        var (h, s, v) = (c[0], c[1], c[2]);
        var sector = (h * 6.0).floor_();
        var f = h * 6.0 - sector;
        var p = (v * (1.0 - s)).clamp_(0, 1);
        var q = (v * (1.0 - s * f)).clamp_(0, 1);
        var t = (v * (1.0 - s * (1.0 - f))).clamp_(0, 1);
        var candidates = torch.stack(new[] { v, q, p, t }, 1);                  // [B, 4, H, W]
        var i = sector.remainder_(6.0).to(torch.int64);                         // [B, H, W]
        var table = torch.tensor(SectorTable, 6, 3).to(x.device);
        var pick = table.index_select(0, i.flatten()).view(i.size(0), i.size(1), i.size(2), 3).permute(0, 3, 1, 2);
        return candidates.gather(1, pick);
    }
}
