using F = MedSsl.Torch.torch.nn.functional;
using Reduction = MedSsl.Torch.torch.nn.Reduction;

namespace MedSsl.Torch.Tests.NN;

public class FunctionalLossTests
{
    [Fact]
    public void Cross_entropy_matches_pytorch_with_gradients()
    {
        using var scope = NewDisposeScope();
        var g = Golden.Load("cross_entropy");
        var (t, w) = (g["t"], g["w"]);
        var x = g.Get("x", true);
        var loss = F.cross_entropy(x, t);
        g.Check("ce", loss);
        loss.backward();
        g.Check("ce_gx", x.grad!);

        var x2 = g.Get("x", true);
        var full = F.cross_entropy(x2, t, weight: w, ignore_index: 2, label_smoothing: 0.1);
        g.Check("ce_full", full);
        full.backward();
        g.Check("ce_full_gx", x2.grad!);

        g.Check("ce_none", F.cross_entropy(x2, t, reduction: Reduction.None));
        g.Check("ce_sum", F.cross_entropy(x2, t, reduction: Reduction.Sum, label_smoothing: 0.2));
        g.Check("ce_4d", F.cross_entropy(g["x4"], g["t4"]));
    }

    [Fact]
    public void Cross_entropy_accepts_probability_targets()
    {
        using var scope = NewDisposeScope();
        var g = Golden.Load("cross_entropy");
        var x = g.Get("x", true);
        var loss = F.cross_entropy(x, g["p"]);
        g.Check("ce_prob", loss);
        loss.backward();
        g.Check("ce_prob_gx", x.grad!);
    }

    [Fact]
    public void Nll_loss_matches_pytorch()
    {
        using var scope = NewDisposeScope();
        var g = Golden.Load("cross_entropy");
        g.Check("nll", F.nll_loss(g["logp"], g["tn"]));
        g.Check("nll_w", F.nll_loss(g["logp"], g["tn"], weight: g["w"].narrow(0, 0, 3), ignore_index: 1));
    }

    [Fact]
    public void Cross_entropy_with_out_of_range_class_raises_instead_of_crashing()
    {
        using var scope = NewDisposeScope();
        var ex = Assert.Throws<TorchException>(() => F.cross_entropy(torch.randn(2, 3), torch.tensor(new long[] { 0, 7 })));
        Assert.Contains("cross_entropy", ex.Message);
        Assert.Throws<ArgumentException>(() => F.cross_entropy(torch.randn(2, 3), torch.tensor(new long[] { 0, 1 }), label_smoothing: 2));
    }

    [Fact]
    public void Bce_with_logits_matches_pytorch_with_gradient()
    {
        using var scope = NewDisposeScope();
        var g = Golden.Load("losses");
        var z = g.Get("z", true);
        var loss = F.binary_cross_entropy_with_logits(z, g["tb"], weight: g["wb"], pos_weight: g["pw"]);
        g.Check("bce", loss);
        loss.backward();
        g.Check("bce_gz", z.grad!);
        g.Check("bce_plain", F.binary_cross_entropy_with_logits(z, g["tb"]));
        g.Check("bce_none", F.binary_cross_entropy_with_logits(z, g["tb"], reduction: Reduction.None, pos_weight: g["pw"]));
    }

    [Fact]
    public void Mse_and_l1_match_pytorch()
    {
        using var scope = NewDisposeScope();
        var g = Golden.Load("losses");
        var (a, b) = (g.Get("a", true), g["b"]);
        var mse = F.mse_loss(a, b);
        g.Check("mse", mse);
        mse.backward();
        g.Check("mse_ga", a.grad!);
        g.Check("mse_sum", F.mse_loss(a, b, Reduction.Sum));
        g.Check("mse_none", F.mse_loss(a, b, Reduction.None));
        g.Check("l1", F.l1_loss(a, b));
        g.Check("l1_sum", F.l1_loss(a, b, Reduction.Sum));
    }

    [Fact]
    public void Loss_modules_agree_with_functional_forms()
    {
        using var scope = NewDisposeScope();
        var g = Golden.Load("cross_entropy");
        using var ce = torch.nn.CrossEntropyLoss(weight: g["w"], ignore_index: 2, label_smoothing: 0.1);
        g.Check("ce_full", ce.call(g["x"], g["t"]));
        Assert.Empty(ce.parameters());
        Assert.Single(ce.buffers());
        using var mse = torch.nn.MSELoss(Reduction.Sum);
        var l = Golden.Load("losses");
        l.Check("mse_sum", mse.call(l["a"], l["b"]));
    }
}
