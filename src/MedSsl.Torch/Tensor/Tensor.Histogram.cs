using MedSsl.Torch.Native;

namespace MedSsl.Torch;

public partial class Tensor
{
    /// <summary>Histogram of all elements in <paramref name="bins"/> equal-width bins over [min, max]; elements
    /// outside are ignored. min == max (the default 0, 0) uses the data's own minimum and maximum.</summary>
    public Tensor histc(long bins = 100, double min = 0, double max = 0) =>
        Wrap(LibNative.mt_histc(Handle, bins, min, max), this);
}

public static partial class torch
{
    /// <inheritdoc cref="Tensor.histc"/>
    public static Tensor histc(Tensor input, long bins = 100, double min = 0, double max = 0) => input.histc(bins, min, max);
}
