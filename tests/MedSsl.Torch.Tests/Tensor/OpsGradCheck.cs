namespace MedSsl.Torch.Tests;

/// <summary>
/// Finite-difference gradient check for tensor ops, in float64. Backward's gradient of
/// L = sum(f(x) * r), r a fixed random projection, is compared per input element with the
/// central difference (L(x + eps) - L(x - eps)) / 2 eps.
/// </summary>
public static class OpsGradCheck
{
    public static void Check(string what, Func<Tensor[], Tensor> f, Tensor[] inputs,
                             double eps = 1e-6, double atol = 1e-6, double rtol = 1e-5)
    {
        using var scope = NewDisposeScope();
        var shapes = inputs.Select(t => t.shape).ToArray();
        var values = inputs.Select(t => t.to(ScalarType.Float64).data<double>()).ToArray();
        var analytic = Analytic(f, shapes, values, out var projection);
        for (int k = 0; k < values.Length; k++)
            for (int j = 0; j < values[k].Length; j++)
            {
                var numeric = Numeric(f, shapes, values, projection, k, j, eps);
                var a = analytic[k][j];
                Assert.True(Math.Abs(a - numeric) <= atol + rtol * Math.Abs(numeric),
                            $"{what}: d/d input{k}[{j}] backward {a:R}, finite difference {numeric:R}");
            }
    }

    static double[][] Analytic(Func<Tensor[], Tensor> f, long[][] shapes, double[][] values, out double[] projection)
    {
        var leaves = values.Select((v, k) => torch.tensor(v, shapes[k], requires_grad: true)).ToArray();
        var y = f(leaves);
        Assert.Equal(ScalarType.Float64, y.dtype);
        Assert.True(y.requires_grad, "the op's output does not require grad");
        using var g = new Generator(1234);
        var r = torch.randn(y.shape, ScalarType.Float64, generator: g);
        projection = r.data<double>();
        (y * r).sum().backward();
        return leaves.Select(l => l.grad is { } grad ? grad.data<double>() : new double[l.numel()]).ToArray();
    }

    static double Numeric(Func<Tensor[], Tensor> f, long[][] shapes, double[][] values, double[] projection,
                          int k, int j, double eps)
    {
        using var scope = NewDisposeScope();
        using var noGrad = torch.no_grad();
        double L(double delta)
        {
            var inputs = values.Select((v, i) =>
            {
                var copy = (double[])v.Clone();
                if (i == k) copy[j] += delta;
                return torch.tensor(copy, shapes[i]);
            }).ToArray();
            var y = f(inputs).data<double>();
            return y.Select((v, i) => v * projection[i]).Sum();
        }
        return (L(eps) - L(-eps)) / (2 * eps);
    }
}
