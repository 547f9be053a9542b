using MedSsl.Losses;

namespace MedSsl.Tests.Losses;

public sealed class MultiPositiveNTXentLossTests
{
    [Fact]
    public void Equals_ntxent_in_value_and_gradient_when_every_id_has_two_views()
    {
        using var scope = NewDisposeScope();
        var g = Goldens.Load("ntxent");
        var a0 = g["z0"].requires_grad_();
        var a1 = g["z1"].requires_grad_();
        var pair = new NTXentLoss(0.1).forward(a0, a1);
        pair.backward();

        var z = cat(new[] { g["z0"], g["z1"] }, 0).detach().requires_grad_();
        var ids = cat(new[] { arange(8, dtype: int64), arange(8, dtype: int64) }, 0);
        var multi = new MultiPositiveNTXentLoss(0.1).forward(z, ids);
        multi.backward();
        Goldens.AssertClose(pair, multi, atol: 1e-7, rtol: 1e-5, what: "loss");
        Goldens.AssertClose(cat(new[] { a0.grad!, a1.grad! }, 0), z.grad!, atol: 1e-7, rtol: 1e-5, what: "gradient");
    }

    [Fact]
    public void Matches_the_reference_with_several_views_per_id()
    {
        using var scope = NewDisposeScope();
        var g = Goldens.Load("ntxent");
        var z = g["mp_z"].requires_grad_();
        var loss = new MultiPositiveNTXentLoss(0.2).forward(z, g["mp_ids"]);
        loss.backward();
        Goldens.AssertClose(g["mp_loss"], loss, atol: 0, rtol: 1e-5, what: "loss");
        Goldens.AssertClose(g["mp_dz"], z.grad!, atol: 1e-6, rtol: 1e-4, what: "dL/dz");
    }

    [Fact]
    public void An_id_with_a_single_view_is_an_error_naming_it()
    {
        using var scope = NewDisposeScope();
        var e = Assert.Throws<ArgumentException>(() =>
            new MultiPositiveNTXentLoss().forward(randn(5, 4), tensor(new long[] { 3, 3, 9, 4, 4 })));
        Assert.Contains("view(s) 2 (id 9)", e.Message);
    }
}
