using MedSsl.Torch;
using F = MedSsl.Torch.torch.nn.functional;

namespace MedSsl.Transforms;

/// <summary>
/// Resizes every sample: to height × width, or (one number) its shorter side to size keeping the aspect, as
/// torchvision's Resize. Bicubic by default (SimCLR's resize), antialiased when shrinking, clipped to [0, 1].
/// </summary>
public sealed class Resize : Transform
{
    public int Size { get; }
    public int? Width { get; }
    public string Interpolation { get; }
    public bool Antialias { get; }

    public Resize(int size, int? width = null, string interpolation = "bicubic", bool antialias = true)
    {
        if (size <= 0 || width <= 0) throw new ArgumentOutOfRangeException(nameof(size), "Resize: the size must be positive.");
        if (interpolation is not ("bicubic" or "bilinear" or "nearest"))
            throw new ArgumentException($"Resize: interpolation \"{interpolation}\" is unknown; use bicubic, bilinear or nearest.");
        (Size, Width, Interpolation, Antialias) = (size, width, interpolation, antialias && interpolation != "nearest");
    }

    protected override Tensor Forward(Tensor x, Generator g)
    {
        long h = x.size(2), w = x.size(3);
        // One number: the shorter side becomes Size, the longer one scales with it (truncated, as torchvision).
        (long oh, long ow) = Width is { } width ? ((long)Size, (long)width)
            : h <= w ? ((long)Size, (long)(Size * (double)w / h)) : ((long)(Size * (double)h / w), (long)Size);
        if (oh == h && ow == w) return x;
        var y = F.interpolate(x, size: (oh, ow), mode: Interpolation, antialias: Antialias);
        return Interpolation == "bicubic" ? y.clamp_(0, 1) : y;
    }

    public override string ToString() => Width is { } w ? $"Resize({Size}, {w}, {Interpolation})" : $"Resize({Size}, {Interpolation})";
}
