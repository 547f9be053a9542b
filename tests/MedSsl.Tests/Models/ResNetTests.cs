using System.Text.Json;
using MedSsl.Models;
using MedSsl.Torch.Modules;

namespace MedSsl.Tests.Models;

public sealed class ResNetTests
{
    static List<(string key, long[] shape)> TorchvisionKeys(string arch)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Goldens.PathOf("resnet_keys.json")));
        return doc.RootElement.GetProperty(arch).EnumerateArray()
            .Select(e => (e[0].GetString()!, e[1].EnumerateArray().Select(d => d.GetInt64()).ToArray())).ToList();
    }

    [Theory]
    [InlineData("resnet18")]
    [InlineData("resnet50")]
    public void State_dict_keys_order_and_shapes_are_torchvisions(string arch)
    {
        using var scope = NewDisposeScope();
        using var model = Encoders.create(arch);
        var ours = model.state_dict().Select(kv => (kv.Key, kv.Value.shape)).ToList();
        var theirs = TorchvisionKeys(arch);
        Assert.Equal(theirs.Select(t => t.key), ours.Select(o => o.Key));
        for (var i = 0; i < ours.Count; i++) Assert.Equal(theirs[i].shape, ours[i].shape);
    }

    [Theory]
    [InlineData("resnet18", 512)]
    [InlineData("resnet34", 512)]
    [InlineData("resnet50", 2048)]
    public void Pooled_features_have_num_features_and_the_map_is_32x_smaller(string arch, long features)
    {
        using var scope = NewDisposeScope();
        using var model = Encoders.create(arch, new ResNetOptions { num_classes = 0 });
        Assert.Equal(features, model.num_features);
        using var noGrad = no_grad();
        var x = randn(2, 3, 64, 64);
        var map = model.forward_features(x);
        Assert.Equal(new long[] { 2, features, 2, 2 }, map.shape);
        Assert.Equal(new long[] { 2, features }, model.forward(x).shape);
        Assert.True(model.forward(x).allclose(model.forward_head(map, pre_logits: true)));
    }

    [Fact]
    public void Width_multiplier_scales_every_conv_and_the_stem()
    {
        using var scope = NewDisposeScope();
        using var one = Encoders.resnet50(new ResNetOptions { num_classes = 0 });
        using var half = Encoders.resnet50(new ResNetOptions { width = 0.5, num_classes = 0 });
        Assert.Equal(1024, half.num_features);
        var a = one.state_dict();
        var b = half.state_dict();
        Assert.Equal(a.Keys, b.Keys);
        foreach (var (key, t) in a)
        {
            if (key.EndsWith("num_batches_tracked")) continue;
            var expected = t.shape.ToArray();
            expected[0] /= 2;
            if (expected.Length == 4 && key != "conv1.weight") expected[1] /= 2;  // the stem keeps the image's channels
            Assert.True(expected.SequenceEqual(b[key].shape), $"{key}: [{string.Join(", ", b[key].shape)}]");
        }
        using var wide = Encoders.resnet18(new ResNetOptions { width = 2, stem = Stem.Small, num_classes = 0 });
        Assert.Equal(1024, wide.num_features);
        Assert.Equal(new long[] { 128, 3, 3, 3 }, wide.state_dict()["conv1.weight"].shape);
        var e = Assert.Throws<ArgumentException>(() => Encoders.resnet18(new ResNetOptions { width = 0.3 }));
        Assert.Contains("64·width", e.Message);
    }

    [Fact]
    public void Small_stem_is_a_stride_1_3x3_conv_without_max_pool_and_takes_grey_images()
    {
        using var scope = NewDisposeScope();
        using var model = Encoders.resnet18(new ResNetOptions { stem = Stem.Small, in_chans = 1, num_classes = 0 });
        Assert.Equal(new long[] { 64, 1, 3, 3 }, model.state_dict()["conv1.weight"].shape);
        Assert.DoesNotContain(model.named_modules(), m => m.module is MaxPool2d);
        using var noGrad = no_grad();
        Assert.Equal(new long[] { 2, 512, 4, 4 }, model.forward_features(randn(2, 1, 32, 32)).shape);
        var e = Assert.Throws<ArgumentException>(() => model.forward(randn(2, 3, 32, 32)));
        Assert.Contains("[N, 1, H, W]", e.Message);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Zero_init_residual_zeroes_the_last_bn_gamma_of_every_block(bool zero)
    {
        using var scope = NewDisposeScope();
        using var model = Encoders.resnet50(new ResNetOptions { zero_init_residual = zero });
        var sd = model.state_dict();
        var last = sd.Where(kv => kv.Key.EndsWith("bn3.weight")).ToList();
        Assert.Equal(16, last.Count);
        foreach (var (_, gamma) in last) Assert.Equal(zero ? 0f : gamma.shape[0], gamma.sum().item<float>());
        Assert.Equal(64f, sd["layer1.0.bn2.weight"].sum().item<float>());  // other BNs keep γ = 1
    }

    [Fact]
    public void Zero_init_blocks_start_as_the_shortcut()
    {
        using var scope = NewDisposeScope();
        using var model = Encoders.resnet18(new ResNetOptions { num_classes = 0 });
        model.eval();
        var block = (ResidualBlock)model.get_submodule("layer1.0");
        using var noGrad = no_grad();
        var x = rand(2, 64, 8, 8);
        Assert.True(block.forward(x).allclose(x));  // relu(0 + x) = x for x ≥ 0
    }

    [Fact]
    public void Reset_classifier_swaps_fc_between_identity_and_a_fresh_linear()
    {
        using var scope = NewDisposeScope();
        using var model = Encoders.resnet18(new ResNetOptions { stem = Stem.Small, num_classes = 10 });
        using var noGrad = no_grad();
        var x = randn(2, 3, 16, 16);
        Assert.Equal(new long[] { 2, 10 }, model.forward(x).shape);
        Assert.Contains("fc.weight", model.state_dict().Keys);
        model.reset_classifier(0);
        Assert.Equal(0, model.num_classes);
        Assert.IsType<Identity>(model.get_classifier());
        Assert.DoesNotContain(model.state_dict().Keys, k => k.StartsWith("fc."));
        Assert.Equal(new long[] { 2, 512 }, model.forward(x).shape);
        model.reset_classifier(7);
        Assert.Equal(new long[] { 7, 512 }, model.state_dict()["fc.weight"].shape);
        Assert.Equal(new long[] { 2, 7 }, model.forward(x).shape);
    }

    [Fact]
    public void Encoder_trains_end_to_end_through_every_block()
    {
        using var scope = NewDisposeScope();
        using var model = Encoders.resnet18(new ResNetOptions { stem = Stem.Small, width = 0.25, num_classes = 3, zero_init_residual = false });
        var loss = nn.functional.cross_entropy(model.forward(randn(4, 3, 16, 16)), tensor(new long[] { 0, 1, 2, 0 }));
        loss.backward();
        foreach (var (name, p) in model.named_parameters())
        {
            using var g = p.grad;
            Assert.True(g is not null && g.abs().sum().item<float>() > 0, $"{name} got no gradient");
        }
    }

    [Fact]
    public void Unknown_architecture_lists_the_known_ones()
    {
        var e = Assert.Throws<ArgumentException>(() => Encoders.create("resnet20"));
        Assert.Contains("resnet152", e.Message);
    }

    [Fact]
    public void Checkpoint_with_foreign_keys_is_refused_naming_file_and_keys()
    {
        using var scope = NewDisposeScope();
        using var model = Encoders.resnet18(new ResNetOptions { num_classes = 0 });
        var path = Path.Combine(Path.GetTempPath(), $"medssl-encoder-{Guid.NewGuid():N}.safetensors");
        try
        {
            safetensors.save_file(model.state_dict().ToDictionary(kv => "module." + kv.Key, kv => kv.Value), path);
            var e = Assert.Throws<InvalidDataException>(() => EncoderCheckpoint.load(model, path));
            Assert.Contains(path, e.Message);
            Assert.True(e.Message.Contains("module.conv1.weight"), e.Message);
        }
        finally { File.Delete(path); }
    }
}
