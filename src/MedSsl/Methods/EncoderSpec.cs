using MedSsl.Models;

namespace MedSsl.Methods;

/// <summary>
/// How to rebuild an encoder: what a checkpoint records so that fine-tuning can create the same ResNet
/// before loading its weights. <c>new EncoderSpec("resnet18", 0.25, Stem.Small)</c> is the quickstart's.
/// </summary>
public sealed record EncoderSpec(string arch = "resnet18", double width = 1, Stem stem = Stem.Small, long in_chans = 3)
{
    /// <summary>A feature encoder (no classifier: <c>fc</c> is the identity, forward gives h).</summary>
    public ResNet Create() =>
        Encoders.create(arch, new ResNetOptions { width = width, stem = stem, in_chans = in_chans, num_classes = 0 });

    public override string ToString() => $"{arch} ({width:0.##}×, {stem.ToString().ToLowerInvariant()} stem, {in_chans} ch)";
}
