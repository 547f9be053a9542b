using MedSsl.Losses;
using Xunit.Abstractions;

namespace MedSsl.Tests.Losses;

/// <summary>Against Golden/ssl/ntxent.npz: SimCLR's objective.add_contrastive_loss written in PyTorch
/// (logits_ab/aa/ba/bb, −1e9 self-mask, loss_a + loss_b), halved to the paper's L, in float64.</summary>
public sealed class NTXentLossTests(ITestOutputHelper log)
{
    [Theory]
    [InlineData(0.1)]
    [InlineData(0.5)]
    public void Value_and_gradient_equal_simclrs_loss(double tau)
    {
        using var scope = NewDisposeScope();
        var g = Goldens.Load("ntxent");
        var z0 = g["z0"].requires_grad_();
        var z1 = g["z1"].requires_grad_();
        var loss = new NTXentLoss(tau).forward(z0, z1);
        loss.backward();
        var key = FormattableString.Invariant($"tau{tau:G}");
        var dl = Goldens.AssertClose(g[key + "_loss"], loss, atol: 0, rtol: 1e-5, what: "loss");
        var d0 = Goldens.AssertClose(g[key + "_dz0"], z0.grad!, atol: 1e-6, rtol: 1e-4, what: "dL/dz0");
        var d1 = Goldens.AssertClose(g[key + "_dz1"], z1.grad!, atol: 1e-6, rtol: 1e-4, what: "dL/dz1");
        log.WriteLine($"parity NT-Xent {key}: |diff| loss {dl:G3}, grad {Math.Max(d0, d1):G3}");
    }

    [Fact]
    public void Sum_directions_gives_the_codes_2L_and_the_loss_is_symmetric()
    {
        using var scope = NewDisposeScope();
        var g = Goldens.Load("ntxent");
        var paper = new NTXentLoss(0.1).forward(g["z0"], g["z1"]).item<float>();
        var code = new NTXentLoss(0.1, sum_directions: true).forward(g["z0"], g["z1"]).item<float>();
        Assert.Equal(2 * paper, code, 5);
        Assert.Equal(paper, new NTXentLoss(0.1).forward(g["z1"], g["z0"]).item<float>(), 5);
    }

    [Fact]
    public void Scale_of_the_embeddings_does_not_matter()
    {
        using var scope = NewDisposeScope();
        var z0 = randn(6, 4);
        var z1 = randn(6, 4);
        var loss = new NTXentLoss(0.2);
        Assert.Equal(loss.forward(z0, z1).item<float>(), loss.forward(z0 * 7, z1 * 0.1).item<float>(), 4);
    }

    [Fact]
    public void Mismatched_views_are_refused()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<ArgumentException>(() => new NTXentLoss().forward(randn(4, 8), randn(5, 8)));
        Assert.Contains("[4, 8] and [5, 8]", e.Message);
        Assert.Throws<ArgumentException>(() => new NTXentLoss(0));
    }
}
