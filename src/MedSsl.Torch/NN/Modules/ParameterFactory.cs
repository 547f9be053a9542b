using System.Globalization;

namespace MedSsl.Torch.Modules;

/// <summary>Small helpers shared by the layer classes.</summary>
internal static class Layers
{
    /// <summary>A Parameter holding t's values; t itself is disposed (the parameter keeps the storage).</summary>
    internal static Parameter Own(Tensor t)
    {
        try { return new Parameter(t); }
        finally { t.Dispose(); }
    }

    internal static Parameter Empty(long[] shape, ScalarType? dtype, Device? device) =>
        Own(torch.empty(shape, dtype, device));

    /// <summary>PyTorch's default for Linear and ConvNd: kaiming_uniform_(a=√5) on the weight, then
    /// U(-1/√fan_in, 1/√fan_in) on the bias (same random order as PyTorch).</summary>
    internal static void ResetLinearLike(Tensor weight, Tensor? bias)
    {
        torch.nn.init.kaiming_uniform_(weight, a: Math.Sqrt(5));
        if (bias is null) return;
        var (fanIn, _) = torch.nn.init._calculate_fan_in_and_fan_out(weight);
        var bound = fanIn > 0 ? 1 / Math.Sqrt(fanIn) : 0;
        torch.nn.init.uniform_(bias, -bound, bound);
    }

    /// <summary>A double as Python prints it in reprs (1e-05, 0.1).</summary>
    internal static string Py(double v) => v.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e");
}
