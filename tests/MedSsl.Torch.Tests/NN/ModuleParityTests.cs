using System.Text.Json;
using static MedSsl.Torch.torch.nn;

namespace MedSsl.Torch.Tests.NN;

/// <summary>Modules against PyTorch: seeded initialisation, BatchNorm statistics, torchvision key names.</summary>
[Collection(SerialCollection.Name)]
public class ModuleParityTests
{
    [Fact]
    public void Seeded_default_initialisation_draws_the_same_weights_as_pytorch()
    {
        using var scope = NewDisposeScope();
        var g = Golden.Load("init");
        torch.manual_seed(0);
        using var lin = Linear(5, 3);
        using var conv = Conv2d(2, 4, 3);
        g.Check("linear_w", lin.weight, atol: 1e-7);
        g.Check("linear_b", lin.bias!, atol: 1e-7);
        g.Check("conv_w", conv.weight, atol: 1e-7);
        g.Check("conv_b", conv.bias!, atol: 1e-7);
        var trunc = init.trunc_normal_(torch.empty(300), std: 0.02, a: -0.03, b: 0.03);
        g.Check("trunc", trunc, atol: 1e-7);
        Assert.InRange(trunc.abs().max().item<float>(), 0f, 0.03f);
        g.Check("kaiming_normal", init.kaiming_normal_(torch.empty(6, 4, 3, 3), mode: "fan_out", nonlinearity: "relu"), atol: 1e-6);
        g.Check("xavier", init.xavier_uniform_(torch.empty(5, 7), gain: init.calculate_gain("tanh")), atol: 1e-7);
    }

    [Fact]
    public void Initialisers_with_a_generator_are_reproducible_and_have_the_right_spread()
    {
        using var scope = NewDisposeScope();
        using var g1 = new Generator(5);
        using var g2 = new Generator(5);
        var a = init.kaiming_uniform_(torch.empty(64, 32), generator: g1);
        var b = init.kaiming_uniform_(torch.empty(64, 32), generator: g2);
        Assert.True(a.equal(b));
        Assert.InRange(a.abs().max().item<float>(), 0.3f, (float)Math.Sqrt(6.0 / 32));  // bound = √2·√(3/fan_in)
        var n = init.kaiming_normal_(torch.empty(256, 128), mode: "fan_in", nonlinearity: "relu", generator: g1);
        Assert.InRange(n.std().item<float>(), 0.95f * (float)Math.Sqrt(2.0 / 128), 1.05f * (float)Math.Sqrt(2.0 / 128));
        var t = init.trunc_normal_(torch.empty(5000), std: 1, a: -0.5, b: 0.5, generator: g1);
        Assert.InRange(t.abs().max().item<float>(), 0.45f, 0.5f);
        Assert.Equal(0f, init.zeros_(torch.ones(3)).sum().item<float>());
        Assert.Equal(6f, init.constant_(torch.ones(3), 2).sum().item<float>());
        Assert.Throws<ArgumentException>(() => init.kaiming_uniform_(torch.empty(3)));
        Assert.Throws<ArgumentException>(() => init.kaiming_uniform_(torch.empty(3, 3), mode: "fan_avg"));
    }

    [Theory]
    [InlineData("m", 0.1)]
    [InlineData("cma", null)]
    public void Batchnorm_running_stats_after_three_steps_match_pytorch(string tag, double? momentum)
    {
        using var scope = NewDisposeScope();
        var g = Golden.Load("batchnorm_steps");
        using var bn = BatchNorm2d(3, momentum: momentum);
        for (int i = 0; i < 3; i++) bn.call(g[$"x{i}"]);
        bn.eval();
        g.Check(tag + "_rm", bn.running_mean!);
        g.Check(tag + "_rv", bn.running_var!, rtol: 2e-4);
        Assert.Equal(g[tag + "_count"].item<long>(), bn.num_batches_tracked!.item<long>());
        g.Check(tag + "_eval", bn.call(g["x3"]), atol: 1e-4);
    }

    [Fact]
    public void Resnet18_built_from_our_modules_has_torchvisions_keys_order_and_shapes()
    {
        using var scope = NewDisposeScope();
        var path = Path.Combine(AppContext.BaseDirectory, "Golden", "nn", "resnet18_keys.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var expected = doc.RootElement.EnumerateObject()
            .Select(p => (p.Name, string.Join("x", p.Value.EnumerateArray().Select(e => e.GetInt64())))).ToList();
        using var net = new ResNet18();
        var actual = net.state_dict().Select(kv => (kv.Key, string.Join("x", kv.Value.shape))).ToList();
        Assert.Equal(expected, actual);
        Assert.Equal(11_689_512, net.parameters().Sum(p => p.numel()));
        net.eval();
        Assert.Equal(new long[] { 1, 1000 }, net.call(torch.randn(1, 3, 64, 64)).shape);
    }
}
