using MedSsl.Torch;
using MedSsl.Torch.Modules;
using static MedSsl.Torch.torch.nn;

namespace MedSsl.Models;

/// <summary>A residual block of a ResNet stage: torchvision's BasicBlock or Bottleneck.</summary>
public abstract class ResidualBlock : Module<Tensor, Tensor>
{
    /// <summary>The 1×1 conv + BN that matches the shortcut to the block's output (torchvision's
    /// <c>downsample</c>), or null when the input already has the output's shape.</summary>
    protected static Sequential? Shortcut(long inplanes, long outplanes, long stride) =>
        stride != 1 || inplanes != outplanes
            ? Sequential(Conv2d(inplanes, outplanes, 1, stride: stride, bias: false), BatchNorm2d(outplanes))
            : null;

    /// <summary>The batch norm whose output is added to the shortcut.</summary>
    public abstract BatchNorm2d last_bn { get; }

    /// <summary>relu(residual + shortcut(x)), in place on the residual as torchvision does.</summary>
    protected static Tensor Merge(Tensor residual, Tensor x, Sequential? downsample)
    {
        var identity = downsample?.call(x) ?? x;
        return residual.add_(identity).relu_();
    }
}

/// <summary>Two 3×3 convs (ResNet-18/34). Output channels = planes.</summary>
public sealed class BasicBlock : ResidualBlock
{
    public const int expansion = 1;

    readonly Conv2d conv1;
    readonly BatchNorm2d bn1;
    readonly Conv2d conv2;
    readonly BatchNorm2d bn2;
    readonly Sequential? downsample;

    public BasicBlock(long inplanes, long planes, long stride = 1)
    {
        conv1 = Conv2d(inplanes, planes, 3, stride: stride, padding: 1, bias: false);
        bn1 = BatchNorm2d(planes);
        conv2 = Conv2d(planes, planes, 3, padding: 1, bias: false);
        bn2 = BatchNorm2d(planes);
        downsample = Shortcut(inplanes, planes, stride);
        RegisterComponents();
    }

    public override BatchNorm2d last_bn => bn2;

    public override Tensor forward(Tensor x)
    {
        using var scope = torch.NewDisposeScope();
        var h = bn1.call(conv1.call(x)).relu_();
        h = bn2.call(conv2.call(h));
        return Merge(h, x, downsample).MoveToOuterDisposeScope();
    }
}

/// <summary>1×1 → 3×3 → 1×1 convs (ResNet-50/101/152), torchvision's v1.5 layout: the stride sits on the
/// 3×3 conv. Output channels = 4·planes.</summary>
public sealed class Bottleneck : ResidualBlock
{
    public const int expansion = 4;

    readonly Conv2d conv1;
    readonly BatchNorm2d bn1;
    readonly Conv2d conv2;
    readonly BatchNorm2d bn2;
    readonly Conv2d conv3;
    readonly BatchNorm2d bn3;
    readonly Sequential? downsample;

    public Bottleneck(long inplanes, long planes, long stride = 1)
    {
        conv1 = Conv2d(inplanes, planes, 1, bias: false);
        bn1 = BatchNorm2d(planes);
        conv2 = Conv2d(planes, planes, 3, stride: stride, padding: 1, bias: false);
        bn2 = BatchNorm2d(planes);
        conv3 = Conv2d(planes, planes * expansion, 1, bias: false);
        bn3 = BatchNorm2d(planes * expansion);
        downsample = Shortcut(inplanes, planes * expansion, stride);
        RegisterComponents();
    }

    public override BatchNorm2d last_bn => bn3;

    public override Tensor forward(Tensor x)
    {
        using var scope = torch.NewDisposeScope();
        var h = bn1.call(conv1.call(x)).relu_();
        h = bn2.call(conv2.call(h)).relu_();
        h = bn3.call(conv3.call(h));
        return Merge(h, x, downsample).MoveToOuterDisposeScope();
    }
}
