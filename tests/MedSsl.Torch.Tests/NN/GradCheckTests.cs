using F = MedSsl.Torch.torch.nn.functional;

namespace MedSsl.Torch.Tests.NN;

/// <summary>Autograd of the training ops against central finite differences (float64).</summary>
public class GradCheckTests
{
    static Tensor R(params long[] shape) => torch.randn(shape, torch.float64);

    public GradCheckTests() => torch.manual_seed(3);

    [Fact]
    public void Conv2d() =>
        GradCheck.Check(a => F.conv2d(a[0], a[1], a[2], stride: 2, padding: (1, 0), groups: 2),
                        new[] { R(2, 4, 5, 4), R(4, 2, 3, 2), R(4) });

    [Fact]
    public void Batch_norm_training() =>
        GradCheck.Check(a => F.batch_norm(a[0], null, null, a[1], a[2], training: true),
                        new[] { R(4, 3, 2, 2), R(3), R(3) });

    [Fact]
    public void Group_norm() =>
        GradCheck.Check(a => F.group_norm(a[0], 2, a[1], a[2]), new[] { R(2, 4, 3, 2), R(4), R(4) });

    [Fact]
    public void Layer_norm() =>
        GradCheck.Check(a => F.layer_norm(a[0], new long[] { 3, 2 }, a[1], a[2]), new[] { R(2, 3, 2), R(3, 2), R(3, 2) });

    [Fact]
    public void Linear() => GradCheck.Check(a => F.linear(a[0], a[1], a[2]), new[] { R(3, 4), R(5, 4), R(5) });

    [Fact]
    public void Gelu_exact_and_tanh() =>
        GradCheck.Check(a => F.gelu(a[0]) + F.gelu(a[0], "tanh") * 0.5, new[] { R(3, 5) });

    [Fact]
    public void Normalize() => GradCheck.Check(a => F.normalize(a[0], dim: 1), new[] { R(4, 3) });

    [Fact]
    public void Cross_entropy_with_label_smoothing_and_weights()
    {
        var target = torch.tensor(new long[] { 2, 0, 1, 1 });
        GradCheck.Check(a => F.cross_entropy(a[0], target, weight: a[1], label_smoothing: 0.15),
                        new[] { R(4, 3), torch.rand(new long[] { 3 }, torch.float64) + 0.5 }, wrt: new[] { 0 });
    }

    [Fact]
    public void Bce_with_logits_with_pos_weight()
    {
        var target = torch.rand(new long[] { 3, 4 }, torch.float64).gt(0.5).to(torch.float64);
        var pw = torch.tensor(new double[] { 0.5, 1, 2, 3 });
        GradCheck.Check(a => F.binary_cross_entropy_with_logits(a[0], target, pos_weight: pw), new[] { R(3, 4) });
    }

    [Fact]
    public void Mse_loss() => GradCheck.Check(a => F.mse_loss(a[0], a[1]), new[] { R(3, 4), R(3, 4) });

    [Fact]
    public void Max_and_avg_pool() =>
        GradCheck.Check(a => F.max_pool2d(a[0], 3, stride: 2, padding: 1) * 2 + F.avg_pool2d(a[0], 3, stride: 2, padding: 1),
                        new[] { R(1, 2, 5, 5) });

    [Fact]
    public void Bilinear_interpolate() =>
        GradCheck.Check(a => F.interpolate(a[0], size: (5, 3), mode: "bilinear"), new[] { R(1, 2, 3, 4) });

    [Fact]
    public void Gradcheck_catches_a_wrong_gradient()
    {
        // x.detach() * x has true gradient 2x, but autograd only sees x: the check must fail.
        var ex = Assert.ThrowsAny<Exception>(() => GradCheck.Check(a => a[0].detach() * a[0], new[] { R(4) }));
        Assert.Contains("gradcheck", ex.Message);
    }
}
