using MedSsl.Heads;

namespace MedSsl.Tests.Heads;

public sealed class ProjectionHeadTests
{
    static string[] Keys(nn.Module m) => m.state_dict().Keys.Where(k => !k.EndsWith("num_batches_tracked")).ToArray();

    [Fact]
    public void SimClrV1_is_linear_bn_relu_linear_to_128()
    {
        using var scope = NewDisposeScope();
        using var head = ProjectionHead.SimClrV1(32);
        Assert.Equal(new[] { "blocks.0.linear.weight", "blocks.0.bn.weight", "blocks.0.bn.bias", "blocks.0.bn.running_mean",
                             "blocks.0.bn.running_var", "blocks.1.linear.weight", "blocks.1.linear.bias" }, Keys(head));
        Assert.Equal(new long[] { 32, 32 }, head.state_dict()["blocks.0.linear.weight"].shape);
        Assert.Equal(new long[] { 6, 128 }, head.forward(randn(6, 32)).shape);
    }

    [Fact]
    public void SimClrCode_head_has_no_linear_bias_and_a_last_bn_without_beta()
    {
        using var scope = NewDisposeScope();
        using var head = ProjectionHead.SimClrCode(16, 8);
        Assert.Equal(new[] { "blocks.0.linear.weight", "blocks.0.bn.weight", "blocks.0.bn.bias", "blocks.0.bn.running_mean",
                             "blocks.0.bn.running_var", "blocks.1.linear.weight", "blocks.1.bn.weight", "blocks.1.bn.running_mean",
                             "blocks.1.bn.running_var" }, Keys(head));
        // Training-mode BN without β: every output column has mean 0 exactly, whatever γ is.
        using (no_grad()) head.state_dict()["blocks.1.bn.weight"].uniform_(0.5, 2);
        var z = head.forward(randn(10, 16) * 3 + 1);
        Assert.True(z.mean(0).abs().max().item<float>() < 1e-5);
    }

    [Fact]
    public void SimClrV2_has_three_layers_and_truncates_to_the_first_for_fine_tuning()
    {
        using var scope = NewDisposeScope();
        using var head = ProjectionHead.SimClrV2(16);
        Assert.Equal(3, head.block_specs.Count);
        Assert.Equal(128, head.out_features);
        head.eval();
        using var noGrad = no_grad();
        var x = randn(4, 16);
        var first = ((nn.Module<Tensor, Tensor>)head.get_submodule("blocks.0")).forward(x);
        head.truncate_(1);
        Assert.Equal(16, head.out_features);
        Assert.DoesNotContain(head.state_dict().Keys, k => k.StartsWith("blocks.1"));
        Assert.True(head.forward(x).equal(first));
        Assert.True(head.forward(x).min().item<float>() >= 0);  // the kept layer ends in ReLU
        head.truncate_(0);  // fine-tune from h: the head passes its input through
        Assert.Null(head.out_features);
        Assert.Empty(head.parameters());
        Assert.True(head.forward(x).equal(x));
    }

    [Fact]
    public void Blocks_must_chain_and_inputs_must_fit()
    {
        var e = Assert.Throws<ArgumentException>(() => new ProjectionHead(new[] { new HeadBlock(8, 4), new HeadBlock(5, 2) }));
        Assert.Contains("block 1 takes 5", e.Message);
        using var head = new ProjectionHead(new[] { new HeadBlock(8, 4, HeadNorm.None, relu: true) });
        using var scope = NewDisposeScope();
        var bad = Assert.Throws<ArgumentException>(() => head.forward(randn(2, 7)));
        Assert.Contains("[N, 8]", bad.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => head.truncate_(2));
    }

    [Fact]
    public void Linear_classifier_can_start_from_zero_logits()
    {
        using var scope = NewDisposeScope();
        using var zero = new LinearClassifier(12, 5, zero_init: true);
        Assert.True(zero.forward(randn(3, 12)).eq(0).all().item<bool>());
        using var fresh = new LinearClassifier(12, 5);
        Assert.Equal(new long[] { 3, 5 }, fresh.forward(randn(3, 12)).shape);
        Assert.True(fresh.forward(randn(3, 12)).abs().sum().item<float>() > 0);
    }
}
