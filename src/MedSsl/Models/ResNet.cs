using MedSsl.Torch;
using MedSsl.Torch.Modules;
using static MedSsl.Torch.torch.nn;

namespace MedSsl.Models;

/// <summary>
/// A ResNet encoder with torchvision's module tree and parameter names (<c>conv1.weight</c>,
/// <c>layer1.0.downsample.0.weight</c>, <c>fc.bias</c>), so torchvision state dicts load without renaming,
/// plus SimCLR's width multiplier, small-image stem and zero-initialised residual γ (paper-notes §2.1).
/// timm's contract: <see cref="forward_features"/> (feature map), <see cref="forward_head"/> (pool + fc),
/// <see cref="reset_classifier"/> and <see cref="num_features"/> (the size of h, the pooled features).
/// Build one with the factories in <see cref="Encoders"/>.
/// </summary>
public sealed class ResNet : Module<Tensor, Tensor>
{
    readonly Conv2d conv1;
    readonly BatchNorm2d bn1;
    readonly MaxPool2d? maxpool;
    readonly Sequential layer1, layer2, layer3, layer4;
    Module<Tensor, Tensor> fc;

    /// <param name="bottleneck">Bottleneck blocks (ResNet-50 and deeper) or basic blocks.</param>
    /// <param name="layers">Blocks per stage, e.g. [3, 4, 6, 3] for ResNet-50.</param>
    /// <param name="options">Width, stem, input channels, classes, zero-init.</param>
    public ResNet(bool bottleneck, int[] layers, ResNetOptions options)
    {
        if (layers.Length != 4 || layers.Any(n => n < 1))
            throw new ArgumentException($"ResNet: expected 4 stages of at least one block, got [{string.Join(", ", layers)}].");
        if (options.in_chans < 1) throw new ArgumentException($"ResNet: in_chans must be positive, got {options.in_chans}.");
        this.options = options;
        var c = options.StemChannels();
        conv1 = options.stem == Stem.ImageNet
            ? Conv2d(options.in_chans, c, 7, stride: 2, padding: 3, bias: false)
            : Conv2d(options.in_chans, c, 3, stride: 1, padding: 1, bias: false);
        bn1 = BatchNorm2d(c);
        maxpool = options.stem == Stem.ImageNet ? MaxPool2d(3, stride: 2, padding: 1) : null;
        var inplanes = c;
        layer1 = Stage(bottleneck, ref inplanes, c, layers[0], 1);
        layer2 = Stage(bottleneck, ref inplanes, 2 * c, layers[1], 2);
        layer3 = Stage(bottleneck, ref inplanes, 4 * c, layers[2], 2);
        layer4 = Stage(bottleneck, ref inplanes, 8 * c, layers[3], 2);
        num_features = inplanes;
        fc = Classifier(options.num_classes);
        RegisterComponents();
        InitWeights(options.zero_init_residual);
    }

    /// <summary>The options this encoder was built with (num_classes as built; see <see cref="num_classes"/>).</summary>
    public ResNetOptions options { get; }

    /// <summary>Size of h, the globally pooled features: 512·w (basic blocks) or 2048·w (bottlenecks).</summary>
    public long num_features { get; }

    /// <summary>Outputs of the classifier now; 0 when <c>fc</c> is the identity.</summary>
    public long num_classes { get; private set; }

    static Sequential Stage(bool bottleneck, ref long inplanes, long planes, int blocks, long stride)
    {
        var stage = Sequential();
        for (var i = 0; i < blocks; i++)
        {
            ResidualBlock block = bottleneck
                ? new Bottleneck(inplanes, planes, i == 0 ? stride : 1)
                : new BasicBlock(inplanes, planes, i == 0 ? stride : 1);
            stage.append(block);
            inplanes = planes * (bottleneck ? Bottleneck.expansion : BasicBlock.expansion);
        }
        return stage;
    }

    Module<Tensor, Tensor> Classifier(long classes)
    {
        if (classes < 0) throw new ArgumentException($"ResNet: num_classes must be ≥ 0, got {classes}.");
        num_classes = classes;
        return classes > 0 ? Linear(num_features, classes) : Identity();
    }

    /// <summary>torchvision's initialisation: He-normal (fan_out) convs, BN γ = 1 and β = 0; then, if asked,
    /// γ = 0 in each block's last BN so every residual branch starts at zero (SimCLR, resnet.py).</summary>
    void InitWeights(bool zeroInitResidual)
    {
        using var noGrad = torch.no_grad();
        foreach (var m in modules())
            if (m is Conv2d conv) init.kaiming_normal_(conv.weight, mode: "fan_out", nonlinearity: "relu");
        if (!zeroInitResidual) return;
        foreach (var m in modules())
            if (m is ResidualBlock block) init.zeros_(block.last_bn.weight!);
    }

    /// <summary>The last feature map [N, num_features, H/32, W/32] (H/8 with the small stem).</summary>
    public Tensor forward_features(Tensor x)
    {
        if (x.dim() != 4 || x.shape[1] != options.in_chans)
            throw new ArgumentException($"ResNet: expected input [N, {options.in_chans}, H, W], got [{string.Join(", ", x.shape)}].");
        using var scope = torch.NewDisposeScope();
        var h = bn1.call(conv1.call(x)).relu_();
        if (maxpool is not null) h = maxpool.call(h);
        h = layer4.call(layer3.call(layer2.call(layer1.call(h))));
        return h.MoveToOuterDisposeScope();
    }

    /// <summary>Global average pool of a feature map, then the classifier. pre_logits returns the pooled
    /// features h [N, num_features] (what SimCLR's projection head and linear evaluation take).</summary>
    public Tensor forward_head(Tensor features, bool pre_logits = false)
    {
        var pooled = features.mean(new long[] { 2, 3 });
        if (pre_logits) return pooled;
        using (pooled) return fc.call(pooled);
    }

    public override Tensor forward(Tensor x)
    {
        using var features = forward_features(x);
        return forward_head(features);
    }

    /// <summary>The classifier module: a Linear, or Identity when num_classes is 0.</summary>
    public Module<Tensor, Tensor> get_classifier() => fc;

    /// <summary>Replaces <c>fc</c> by a fresh Linear(num_features, numClasses), or by the identity for 0
    /// (timm's reset_classifier). The old classifier is disposed.</summary>
    public void reset_classifier(long numClasses)
    {
        var old = fc;
        fc = Classifier(numClasses);
        register_module("fc", fc);
        old.Dispose();
    }

    public override string extra_repr() =>
        $"width={options.width}, stem={options.stem}, in_chans={options.in_chans}, num_features={num_features}";
}
