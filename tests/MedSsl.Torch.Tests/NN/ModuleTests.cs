using MedSsl.Torch.Modules;
using static MedSsl.Torch.torch.nn;

namespace MedSsl.Torch.Tests.NN;

/// <summary>A custom model registered by reflection: field names are the keys.</summary>
sealed class TinyNet : Module<Tensor, Tensor>
{
    readonly Conv2d conv1 = Conv2d(3, 4, 3, padding: 1, bias: false);
    readonly BatchNorm2d bn1 = BatchNorm2d(4);
    readonly Sequential head = Sequential(("pool", AdaptiveAvgPool2d(1)), ("flat", Flatten()), ("fc", Linear(4, 2)));
    readonly Parameter scale;
    readonly Tensor mask = torch.zeros(2);

    public TinyNet()
    {
        using var one = torch.ones(1);
        scale = new Parameter(one);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = torch.NewDisposeScope();
        var h = bn1.call(conv1.call(x)).relu();
        return (head.call(h) * scale + mask).MoveToOuterDisposeScope();
    }
}

public class ModuleTests
{
    [Fact]
    public void Nested_sequential_names_parameters_in_registration_order()
    {
        using var scope = NewDisposeScope();
        using var net = Sequential(Linear(4, 3), ReLU(), Sequential(("conv", Conv2d(1, 2, 3)), ("bn", BatchNorm2d(2))), Linear(3, 1, bias: false));
        var names = net.named_parameters().Select(p => p.name).ToArray();
        Assert.Equal(new[] { "0.weight", "0.bias", "2.conv.weight", "2.conv.bias", "2.bn.weight", "2.bn.bias", "3.weight" }, names);
        Assert.Equal(new[] { "2.bn.running_mean", "2.bn.running_var", "2.bn.num_batches_tracked" }, net.named_buffers().Select(b => b.name));
        Assert.Equal(new[] { "0", "1", "2", "3" }, net.named_children().Select(c => c.name));
        Assert.Equal(new[] { "", "0", "1", "2", "2.conv", "2.bn", "3" }, net.named_modules().Select(m => m.name));
        Assert.Equal(4 * 3 + 3 + 18 + 2 + 2 + 2 + 3, net.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void Reflection_registers_fields_by_name_and_state_dict_orders_like_pytorch()
    {
        using var scope = NewDisposeScope();
        using var net = new TinyNet();
        Assert.Equal(new[] { "scale", "conv1.weight", "bn1.weight", "bn1.bias", "head.fc.weight", "head.fc.bias" },
                     net.named_parameters().Select(p => p.name));
        var keys = net.state_dict().Keys.ToArray();
        Assert.Equal(new[] { "scale", "mask", "conv1.weight", "bn1.weight", "bn1.bias", "bn1.running_mean", "bn1.running_var",
                             "bn1.num_batches_tracked", "head.fc.weight", "head.fc.bias" }, keys);
        Assert.Equal(ScalarType.Int64, net.state_dict()["bn1.num_batches_tracked"].dtype);
        Assert.Equal(new long[] { 2, 2 }, net.call(torch.randn(2, 3, 5, 5)).shape);
    }

    [Fact]
    public void State_dict_round_trip_gives_identical_outputs()
    {
        using var scope = NewDisposeScope();
        using var a = new TinyNet();
        using var b = new TinyNet();
        a.call(torch.randn(4, 3, 6, 6));  // moves the BN running stats away from their initial values
        a.eval();
        b.eval();
        var x = torch.randn(2, 3, 6, 6);
        Assert.False(a.call(x).allclose(b.call(x)));
        var (missing, unexpected) = b.load_state_dict(a.state_dict());
        Assert.Empty(missing);
        Assert.Empty(unexpected);
        Assert.True(a.call(x).equal(b.call(x)));
    }

    [Fact]
    public void State_dict_values_share_storage_and_load_copies_in_place()
    {
        using var scope = NewDisposeScope();
        using var lin = Linear(2, 2);
        var weightBefore = lin.weight;
        var sd = lin.state_dict();
        sd["bias"].fill_(3);
        Assert.Equal(new float[] { 3, 3 }, lin.bias!.data<float>());
        lin.load_state_dict(new Dictionary<string, Tensor> { ["weight"] = torch.eye(2), ["bias"] = torch.zeros(2) });
        Assert.Same(weightBefore, lin.weight);
        Assert.Equal(new float[] { 1, 0, 0, 1 }, lin.weight.data<float>());
        Assert.True(lin.weight.requires_grad);
    }

    [Fact]
    public void Strict_load_lists_missing_and_unexpected_keys_and_copies_nothing()
    {
        using var scope = NewDisposeScope();
        using var net = Sequential(Linear(2, 3), Linear(3, 1));
        var sd = net.state_dict();
        var before = net.state_dict()["0.weight"].clone();
        var partial = new Dictionary<string, Tensor>
        {
            ["0.weight"] = torch.zeros(3, 2), ["1.weight"] = torch.zeros(1, 3), ["extra.weight"] = torch.zeros(1),
        };
        var ex = Assert.Throws<TorchException>(() => net.load_state_dict(partial));
        Assert.Contains("Missing key(s) in state_dict: \"0.bias\", \"1.bias\".", ex.Message);
        Assert.Contains("Unexpected key(s) in state_dict: \"extra.weight\".", ex.Message);
        Assert.Contains("Sequential", ex.Message);
        Assert.True(net.state_dict()["0.weight"].equal(before));

        var (missing, unexpected) = net.load_state_dict(partial, strict: false);
        Assert.Equal(new[] { "0.bias", "1.bias" }, missing);
        Assert.Equal(new[] { "extra.weight" }, unexpected);
        Assert.Equal(0f, net.state_dict()["0.weight"].abs().sum().item<float>());
        Assert.True(net.state_dict()["0.bias"].equal(sd["0.bias"]));
    }

    [Fact]
    public void Shape_mismatch_names_key_and_both_shapes_even_when_not_strict()
    {
        using var scope = NewDisposeScope();
        using var net = Sequential(("fc", Linear(4, 5)));
        var sd = new Dictionary<string, Tensor> { ["fc.weight"] = torch.zeros(10, 4), ["fc.bias"] = torch.zeros(5) };
        var ex = Assert.Throws<TorchException>(() => net.load_state_dict(sd, strict: false));
        Assert.Contains("size mismatch for fc.weight", ex.Message);
        Assert.Contains("[10, 4]", ex.Message);
        Assert.Contains("[5, 4]", ex.Message);
        Assert.Equal("load_state_dict", ex.Op);
    }

    [Fact]
    public void Batchnorm_checkpoint_without_counter_loads_with_counter_zero()
    {
        using var scope = NewDisposeScope();
        using var bn = BatchNorm2d(2);
        bn.call(torch.randn(3, 2, 2, 2));
        var sd = bn.state_dict();
        sd.Remove("num_batches_tracked");
        using var fresh = BatchNorm2d(2);
        fresh.call(torch.randn(3, 2, 2, 2));
        fresh.call(torch.randn(3, 2, 2, 2));
        var (missing, _) = fresh.load_state_dict(sd);
        Assert.Empty(missing);
        Assert.Equal(0L, fresh.num_batches_tracked!.item<long>());
        Assert.True(fresh.running_mean!.equal(bn.running_mean!));
    }

    [Fact]
    public void Train_and_eval_switch_dropout_and_batchnorm()
    {
        using var scope = NewDisposeScope();
        using var net = Sequential(Dropout(0.5), BatchNorm1d(3));
        Assert.True(net.training);
        var x = torch.randn(64, 3) + 5;
        var trainOut = net.call(x);
        Assert.InRange(trainOut.mean(new long[] { 0 }).abs().max().item<float>(), 0, 1e-4f);  // batch statistics
        Assert.Equal(1L, ((BatchNorm1d)net[1]).num_batches_tracked!.item<long>());

        net.eval();
        Assert.False(net[0].training);
        Assert.False(net[1].training);
        var bn = (BatchNorm1d)net[1];
        var expected = (x - bn.running_mean!) / (bn.running_var! + 1e-5).sqrt();
        Golden.AssertClose(expected, net.call(x), what: "eval output");  // dropout is identity, BN uses running stats
        Assert.Equal(1L, bn.num_batches_tracked!.item<long>());
        net.train();
        Assert.True(net[1].training);
    }

    [Fact]
    public void To_dtype_keeps_parameter_identity_and_leaves_the_counter_int64()
    {
        using var scope = NewDisposeScope();
        using var net = new TinyNet();
        var before = net.parameters().ToList();
        var bnBuffers = net.buffers().ToList();
        net.call(torch.randn(2, 3, 4, 4)).sum().backward();
        var returned = net.to(torch.float64);
        Assert.Same(net, returned);
        Assert.Equal(before, net.parameters().ToList());
        Assert.All(net.parameters(), p => Assert.Equal(ScalarType.Float64, p.dtype));
        Assert.All(net.parameters(), p => Assert.True(p.requires_grad && p.is_leaf));
        Assert.Equal(ScalarType.Float64, before[1].grad!.dtype);
        Assert.Equal(ScalarType.Int64, net.state_dict()["bn1.num_batches_tracked"].dtype);
        Assert.Equal(bnBuffers, net.buffers().ToList());
        Assert.Equal(ScalarType.Float64, net.call(torch.randn(new long[] { 2, 3, 4, 4 }, torch.float64)).dtype);
        Assert.Throws<ArgumentException>(() => net.to(torch.int32));
    }

    [Fact]
    public void Zero_grad_and_requires_grad_reach_every_parameter()
    {
        using var scope = NewDisposeScope();
        using var net = Sequential(Linear(3, 3), Linear(3, 1));
        net.call(torch.randn(2, 3)).sum().backward();
        Assert.All(net.parameters(), p => Assert.NotNull(p.grad));
        net.zero_grad();
        Assert.All(net.parameters(), p => Assert.Null(p.grad));
        net.requires_grad_(false);
        Assert.All(net.parameters(), p => Assert.False(p.requires_grad));
        Assert.False(net.call(torch.randn(2, 3)).requires_grad);
    }

    [Fact]
    public void Register_rejects_bad_names_and_kind_clashes()
    {
        using var scope = NewDisposeScope();
        using var lin = Linear(2, 2);
        Assert.Throws<ArgumentException>(() => lin.register_buffer("a.b", torch.zeros(1)));
        Assert.Throws<ArgumentException>(() => lin.register_buffer("weight", torch.zeros(1)));
        Assert.Throws<ArgumentException>(() => lin.register_module("", Identity()));
        using var seq = Sequential(("x", ReLU()));
        Assert.Throws<ArgumentException>(() => seq.append("x", ReLU()));
    }

    [Fact]
    public void Non_persistent_buffers_stay_out_of_state_dict()
    {
        using var scope = NewDisposeScope();
        using var lin = Linear(2, 2);
        lin.register_buffer("cache", torch.ones(3), persistent: false);
        lin.register_buffer("stat", torch.ones(1));
        Assert.Equal(new[] { "cache", "stat" }, lin.named_buffers().Select(b => b.name));
        Assert.Equal(new[] { "weight", "bias", "stat" }, lin.state_dict().Keys);
    }

    [Fact]
    public void Forward_hooks_see_and_replace_values_until_removed()
    {
        using var scope = NewDisposeScope();
        using var relu = ReLU();
        Tensor? seen = null;
        var h = relu.register_forward_hook((m, input, output) => { seen = output; return output * 2; });
        using var pre = relu.register_forward_pre_hook((m, input) => input - 1);
        var y = relu.call(torch.tensor(new float[] { 3, 0.5f }));
        Assert.Equal(new float[] { 4, 0 }, y.data<float>());
        Assert.Equal(new float[] { 2, 0 }, seen!.data<float>());
        h.Dispose();
        Assert.Equal(new float[] { 2, 0 }, relu.call(torch.tensor(new float[] { 3, 0.5f })).data<float>());
    }

    [Fact]
    public void Repr_prints_the_tree_like_pytorch()
    {
        using var net = Sequential(("conv", Conv2d(3, 8, 3, stride: 2, bias: false)), ("bn", BatchNorm2d(8)), ("fc", Linear(8, 2)));
        var expected = "Sequential(\n" +
                       "  (conv): Conv2d(3, 8, kernel_size=(3, 3), stride=(2, 2), bias=False)\n" +
                       "  (bn): BatchNorm2d(8, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)\n" +
                       "  (fc): Linear(in_features=8, out_features=2, bias=True)\n" +
                       ")";
        Assert.Equal(expected, net.ToString());
    }

    [Fact]
    public void Module_list_and_dict_register_children_with_their_keys()
    {
        using var scope = NewDisposeScope();
        using var list = ModuleList(Linear(2, 2), Linear(2, 2, bias: false));
        Assert.Equal(new[] { "0.weight", "0.bias", "1.weight" }, list.state_dict().Keys);
        using var dict = ModuleDict(("proj", Linear(2, 3)), ("pred", Linear(3, 1)));
        Assert.Equal(new[] { "proj.weight", "proj.bias", "pred.weight", "pred.bias" }, dict.state_dict().Keys);
        Assert.Equal(3, dict["proj"].out_features);
        Assert.Same(list[1], list.get_submodule("1"));
    }
}
