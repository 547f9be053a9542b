namespace MedSsl.Torch.Tests;

/// <summary>Value checks shared by the *OpsTests classes.</summary>
static class OpsAssert
{
    /// <summary>All elements as doubles, whatever the dtype.</summary>
    public static double[] D(Tensor t)
    {
        if (t.dtype == ScalarType.Float64) return t.data<double>();
        using var d = t.to(ScalarType.Float64);
        return d.data<double>();
    }

    public static long[] L(Tensor t)
    {
        if (t.dtype == ScalarType.Int64) return t.data<long>();
        using var d = t.to(ScalarType.Int64);
        return d.data<long>();
    }

    /// <summary>Shape and elements within tol (absolute plus relative).</summary>
    public static void Close(double[] expected, Tensor actual, double tol = 1e-6, long[]? shape = null)
    {
        if (shape is not null) Assert.Equal(shape, actual.shape);
        var got = D(actual);
        Assert.Equal(expected.Length, got.Length);
        for (int i = 0; i < got.Length; i++)
            Assert.True(Math.Abs(expected[i] - got[i]) <= tol * (1 + Math.Abs(expected[i])),
                        $"element {i}: expected {expected[i]}, got {got[i]} (shape [{string.Join(", ", actual.shape)}])");
    }

    public static void Exact(long[] expected, Tensor actual, long[]? shape = null)
    {
        if (shape is not null) Assert.Equal(shape, actual.shape);
        Assert.Equal(expected, L(actual));
    }

    public static long[] S(params long[] shape) => shape;
}
