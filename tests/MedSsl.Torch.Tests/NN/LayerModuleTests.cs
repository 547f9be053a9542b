using static MedSsl.Torch.torch.nn;
using F = MedSsl.Torch.torch.nn.functional;

namespace MedSsl.Torch.Tests.NN;

/// <summary>Each layer class computes what its functional form computes, with PyTorch's options.</summary>
public class LayerModuleTests
{
    [Fact]
    public void Norm_layers_match_their_functional_forms()
    {
        using var scope = NewDisposeScope();
        var x = torch.randn(2, 6, 3, 3);
        using var gn = GroupNorm(3, 6);
        gn.weight!.requires_grad_(false).mul_(2);
        Golden.AssertClose(F.group_norm(x, 3, gn.weight, gn.bias), gn.call(x), what: "GroupNorm");
        using var ln = LayerNorm(new long[] { 3, 3 });
        Golden.AssertClose(F.layer_norm(x, new long[] { 3, 3 }), ln.call(x), what: "LayerNorm");
        Assert.Equal(new[] { "weight", "bias" }, ln.state_dict().Keys);
        Assert.Throws<ArgumentException>(() => GroupNorm(4, 6));
    }

    [Fact]
    public void Batchnorm_without_running_stats_or_affine_has_no_state_and_uses_batch_statistics()
    {
        using var scope = NewDisposeScope();
        using var bn = BatchNorm2d(3, affine: false, track_running_stats: false);
        Assert.Empty(bn.state_dict());
        Assert.Empty(bn.parameters());
        bn.eval();
        var x = torch.randn(4, 3, 2, 2) * 3 + 1;
        Golden.AssertClose(F.batch_norm(x, null, null, training: true), bn.call(x), what: "BatchNorm2d eval, no stats");
        var ex = Assert.Throws<ArgumentException>(() => bn.call(torch.randn(4, 3)));
        Assert.Contains("4D", ex.Message);
        Assert.Throws<ArgumentException>(() => BatchNorm1d(3).call(torch.randn(2, 3, 4, 5)));
    }

    [Fact]
    public void Conv2d_padding_modes_pad_before_convolving()
    {
        using var scope = NewDisposeScope();
        var x = torch.randn(1, 2, 5, 5);
        using var conv = Conv2d(2, 3, 3, padding: (1, 2), padding_mode: "reflect");
        var expected = F.conv2d(F.pad(x, new long[] { 2, 2, 1, 1 }, "reflect"), conv.weight, conv.bias);
        Golden.AssertClose(expected, conv.call(x), what: "reflect padding");
        Assert.Equal(new long[] { 1, 3, 5, 7 }, conv.call(x).shape);
        Assert.Throws<ArgumentException>(() => Conv2d(3, 4, 3, groups: 2));
        Assert.Throws<ArgumentException>(() => Conv2d(2, 4, 3, padding_mode: "mirror"));
        using var grouped = Conv2d(4, 6, (3, 1), groups: 2, bias: false);
        Assert.Equal(new long[] { 6, 2, 3, 1 }, grouped.weight.shape);
        Assert.Null(grouped.bias);
    }

    [Fact]
    public void Pool_layers_default_stride_to_kernel_size()
    {
        using var scope = NewDisposeScope();
        var x = torch.randn(1, 2, 8, 6);
        Assert.Equal(new long[] { 1, 2, 4, 3 }, MaxPool2d(2).call(x).shape);
        Assert.Equal(new long[] { 1, 2, 2, 2 }, AvgPool2d(3).call(x).shape);
        Assert.Equal(new long[] { 1, 2, 1, 1 }, AdaptiveAvgPool2d(1).call(x).shape);
        Golden.AssertClose(x.mean(new long[] { 2, 3 }, keepdim: true), AdaptiveAvgPool2d(1).call(x), what: "global average");
        Assert.Equal(new long[] { 1, 96 }, Flatten().call(x).shape);
        Assert.Equal(new long[] { 2, 8, 6 }, Flatten(0, 1).call(x).shape);
    }

    [Fact]
    public void Activation_layers_match_functional_forms()
    {
        using var scope = NewDisposeScope();
        var x = torch.randn(3, 4);
        Assert.True(GELU("tanh").call(x).equal(F.gelu(x, "tanh")));
        Assert.True(SiLU().call(x).equal(F.silu(x)));
        Assert.True(LeakyReLU(0.3).call(x).equal(F.leaky_relu(x, 0.3)));
        Assert.True(Sigmoid().call(x).equal(x.sigmoid()));
        var y = x.clone();
        var r = ReLU(inplace: true).call(y);
        Assert.True(r.equal(x.relu()));
        Assert.True(y.equal(x.relu()));
        Assert.Throws<ArgumentException>(() => GELU("fast"));
        Assert.Throws<ArgumentException>(() => Dropout(-0.1));
    }
}
