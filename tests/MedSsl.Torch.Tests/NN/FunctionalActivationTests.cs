using F = MedSsl.Torch.torch.nn.functional;

namespace MedSsl.Torch.Tests.NN;

public class FunctionalActivationTests
{
    [Theory]
    [InlineData("relu")]
    [InlineData("gelu")]
    [InlineData("gelu_tanh")]
    [InlineData("silu")]
    [InlineData("leaky_relu")]
    public void Activation_matches_pytorch_with_gradient(string name)
    {
        using var scope = NewDisposeScope();
        var g = Golden.Load("activations");
        var x = g.Get("x", true);
        Tensor y = name switch
        {
            "relu" => F.relu(x),
            "gelu" => F.gelu(x),
            "gelu_tanh" => F.gelu(x, approximate: "tanh"),
            "silu" => F.silu(x),
            _ => F.leaky_relu(x, 0.2),
        };
        g.Check(name, y);
        y.backward(g[name + "_gy"]);
        g.Check(name + "_gx", x.grad!);
    }

    [Fact]
    public void Softmax_one_hot_and_inplace_variants_match_pytorch()
    {
        using var scope = NewDisposeScope();
        var g = Golden.Load("activations");
        var x = g["x"];
        g.Check("softmax", F.softmax(x, 1));
        g.Check("log_softmax", F.log_softmax(x, 0));
        var oh = F.one_hot(torch.tensor(new long[] { 0, 2, 1, 3 }), num_classes: 5);
        Assert.Equal(ScalarType.Int64, oh.dtype);
        Assert.Equal(g["one_hot"].data<long>(), oh.data<long>());
        Assert.Equal(new long[] { 4, 4 }, F.one_hot(torch.tensor(new long[] { 0, 2, 1, 3 })).shape);

        var copy = x.clone();
        var r = F.relu(copy, inplace: true);
        Assert.NotSame(copy, r);
        g.Check("relu", copy);
        var s = x.clone();
        F.silu(s, inplace: true);
        g.Check("silu", s);
        var l = x.clone();
        F.leaky_relu(l, 0.2, inplace: true);
        g.Check("leaky_relu", l);
    }

    [Fact]
    public void Gelu_rejects_unknown_approximation()
    {
        using var scope = NewDisposeScope();
        var ex = Assert.Throws<ArgumentException>(() => F.gelu(torch.randn(2), "erf"));
        Assert.Contains("tanh", ex.Message);
    }

    [Fact]
    public void Dropout_zeroes_about_p_and_rescales_survivors_only_in_training()
    {
        using var scope = NewDisposeScope();
        torch.manual_seed(7);
        var x = torch.ones(20000);
        var y = F.dropout(x, p: 0.3, training: true);
        var v = y.data<float>();
        var zeros = v.Count(e => e == 0);
        Assert.InRange(zeros / 20000.0, 0.28, 0.32);
        Assert.All(v.Where(e => e != 0), e => Assert.Equal(1 / 0.7f, e, 5));
        Assert.True(F.dropout(x, 0.3, training: false).equal(x));
        Assert.True(F.dropout(x, 0.0).equal(x));
        Assert.Equal(0f, F.dropout(x, 1.0).abs().sum().item<float>());
        Assert.Throws<ArgumentException>(() => F.dropout(x, 1.5));
    }
}
