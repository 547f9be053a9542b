using F = MedSsl.Torch.torch.nn.functional;

namespace MedSsl.Torch.Tests.NN;

public class FunctionalNormTests
{
    [Fact]
    public void Batch_norm_training_matches_pytorch_and_updates_running_stats_in_place()
    {
        using var scope = NewDisposeScope();
        var g = Golden.Load("batch_norm");
        var (x, w, b) = (g.Get("x", true), g.Get("w", true), g.Get("b", true));
        var (rm, rv) = (g["rm0"], g["rv0"]);
        var y = F.batch_norm(x, rm, rv, w, b, training: true, momentum: 0.1, eps: 1e-5);
        g.Check("y", y);
        g.Check("rm", rm);
        g.Check("rv", rv);
        y.backward(g["gy"]);
        g.Check("gx", x.grad!, atol: 1e-4);
        g.Check("gw", w.grad!);
        g.Check("gb", b.grad!);
        g.Check("y_eval", F.batch_norm(x, rm, rv, w, b, training: false));
    }

    [Fact]
    public void Batch_norm_eval_without_running_stats_is_refused()
    {
        using var scope = NewDisposeScope();
        var ex = Assert.Throws<ArgumentException>(() => F.batch_norm(torch.randn(2, 3), null, null));
        Assert.Contains("running_mean", ex.Message);
    }

    [Fact]
    public void Group_norm_matches_pytorch_with_gradients()
    {
        using var scope = NewDisposeScope();
        var g = Golden.Load("group_norm");
        var (x, w, b) = (g.Get("x", true), g.Get("w", true), g.Get("b", true));
        var y = F.group_norm(x, 3, w, b);
        g.Check("y", y);
        y.backward(g["gy"]);
        g.Check("gx", x.grad!, atol: 1e-4);
        g.Check("gw", w.grad!);
        g.Check("gb", b.grad!);
    }

    [Fact]
    public void Layer_norm_matches_pytorch_with_gradients()
    {
        using var scope = NewDisposeScope();
        var g = Golden.Load("layer_norm");
        var (x, w, b) = (g.Get("x", true), g.Get("w", true), g.Get("b", true));
        var y = F.layer_norm(x, new long[] { 4 }, w, b);
        g.Check("y", y);
        y.backward(g["gy"]);
        g.Check("gx", x.grad!, atol: 1e-4);
        g.Check("gw", w.grad!);
        g.Check("gb", b.grad!);
    }

    [Fact]
    public void Normalize_matches_pytorch_including_a_zero_row()
    {
        using var scope = NewDisposeScope();
        var g = Golden.Load("normalize");
        var x = g.Get("x", true);
        var y = F.normalize(x);
        g.Check("y", y);
        Assert.Equal(0f, y.select(0, 2).abs().sum().item<float>());
        y.backward(g["gy"]);
        g.Check("gx", x.grad!);
        g.Check("y_p1_dim0", F.normalize(x, p: 1, dim: 0));
    }
}
