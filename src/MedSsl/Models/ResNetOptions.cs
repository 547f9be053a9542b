namespace MedSsl.Models;

/// <summary>The first layers of a ResNet, before layer1.</summary>
public enum Stem
{
    /// <summary>7×7 stride-2 conv, then a 3×3 stride-2 max-pool: 224 px inputs become 56 px maps.</summary>
    ImageNet,

    /// <summary>3×3 stride-1 conv and no max-pool: SimCLR's "cifar stem", used when images are ≤ 32 px
    /// (SimCLR code, resnet.py); the kit uses it for 28–64 px medical images.</summary>
    Small,
}

/// <summary>
/// How to build a ResNet encoder (the keyword arguments of timm's and torchvision's factories).
/// <code>var encoder = Encoders.resnet50(new ResNetOptions { width = 2, num_classes = 0 });</code>
/// </summary>
public sealed record ResNetOptions
{
    /// <summary>SimCLR's width multiplier (1×, 2×, 4×): every conv has w times the channels, the stem 64·w
    /// (SimCLR §B.1, resnet.py). 0.5 also works; 64·w must be a whole number.</summary>
    public double width { get; init; } = 1;

    public Stem stem { get; init; } = Stem.ImageNet;

    /// <summary>Input channels: 3 for RGB, 1 for grey X-rays.</summary>
    public long in_chans { get; init; } = 3;

    /// <summary>Outputs of the classifier <c>fc</c>; 0 makes <c>fc</c> the identity (an encoder that returns
    /// the pooled features h). 1000 by default, so torchvision's ImageNet checkpoints load strictly.</summary>
    public long num_classes { get; init; } = 1000;

    /// <summary>Zero γ in the last batch norm of every residual block, so each block starts as the identity.
    /// On by default as in SimCLR's code (paper-notes §2.1); torchvision's default is off.</summary>
    public bool zero_init_residual { get; init; } = true;

    /// <summary>Channels of the stem (64·w), checked to be a whole number.</summary>
    internal long StemChannels()
    {
        var c = 64 * width;
        if (width <= 0 || c != Math.Floor(c))
            throw new ArgumentException($"ResNetOptions.width = {width}: 64·width must be a positive whole number of channels.");
        return (long)c;
    }
}
