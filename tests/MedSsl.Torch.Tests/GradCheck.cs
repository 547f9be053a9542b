namespace MedSsl.Torch.Tests;

/// <summary>
/// Finite-difference gradient check in float64. f is reduced to the scalar sum(f(x) · r) with a fixed
/// random r; backward's gradient of that scalar is compared, element by element, with central differences.
/// </summary>
public static class GradCheck
{
    /// <param name="f">The op under test; called with float64 inputs (the leaves when differentiated).</param>
    /// <param name="inputs">Values of the inputs; float inputs are differentiated unless wrt says which.</param>
    public static void Check(Func<Tensor[], Tensor> f, Tensor[] inputs, int[]? wrt = null, double eps = 1e-6,
                             double atol = 1e-5, double rtol = 1e-3)
    {
        using var scope = torch.NewDisposeScope();
        var xs = inputs.Select(x => x.is_floating_point() ? x.detach().to(torch.float64).clone() : x.alias()).ToArray();
        wrt ??= Enumerable.Range(0, xs.Length).Where(i => xs[i].is_floating_point()).ToArray();

        var leaves = xs.Select((x, i) => wrt.Contains(i) ? x.clone().requires_grad_() : x).ToArray();
        var y = f(leaves);
        using var gen = new Generator(20240611);
        var r = torch.randn(y.shape, torch.float64, generator: gen);
        (y * r).sum().backward();

        foreach (var i in wrt)
        {
            var analytic = leaves[i].grad?.data<double>() ?? new double[xs[i].numel()];
            var values = xs[i].data<double>();
            for (int j = 0; j < values.Length; j++)
            {
                var v = values[j];
                values[j] = v + eps;
                var plus = Eval(f, xs, i, values, r);
                values[j] = v - eps;
                var minus = Eval(f, xs, i, values, r);
                values[j] = v;
                var numeric = (plus - minus) / (2 * eps);
                Assert.True(Math.Abs(numeric - analytic[j]) <= atol + rtol * Math.Abs(numeric),
                    $"gradcheck: input {i} element {j}: backward gives {analytic[j]:R}, finite differences {numeric:R}");
            }
        }
    }

    static double Eval(Func<Tensor[], Tensor> f, Tensor[] xs, int index, double[] values, Tensor r)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var args = (Tensor[])xs.Clone();
        args[index] = torch.tensor(values, xs[index].shape);
        return (f(args) * r).sum().item<double>();
    }
}
