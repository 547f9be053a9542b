namespace MedSsl.Torch;

/// <summary>
/// A (height, width) pair for kernel sizes, strides and paddings: PyTorch's <c>_size_2_t</c>.
/// Converts implicitly from one number (both sides) or a tuple, so <c>stride: 2</c> and
/// <c>padding: (1, 0)</c> both read as in Python.
/// </summary>
public readonly record struct Size2(long H, long W)
{
    public static implicit operator Size2(long both) => new(both, both);
    public static implicit operator Size2((long h, long w) p) => new(p.h, p.w);
    public static implicit operator Size2((int h, int w) p) => new(p.h, p.w);

    internal long[] ToArray() => new[] { H, W };

    public override string ToString() => $"({H}, {W})";
}

/// <summary>A (height, width) pair of scale factors for F.interpolate; one number means both.</summary>
public readonly record struct Scale2(double H, double W)
{
    public static implicit operator Scale2(double both) => new(both, both);
    public static implicit operator Scale2((double h, double w) p) => new(p.h, p.w);

    public override string ToString() => $"({H}, {W})";
}
