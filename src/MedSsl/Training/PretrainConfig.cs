using MedSsl.Methods;

namespace MedSsl.Training;

/// <summary>
/// A pretraining run's settings. Defaults follow the paper where it gives them (sections of
/// docs/paper-notes.md) and its CPU-scale advice (§8) where it does not.
/// </summary>
public sealed record PretrainConfig
{
    /// <summary>"simclr" or "micle".</summary>
    public string method { get; init; } = "simclr";
    public EncoderSpec encoder { get; init; } = new("resnet18", 0.25);
    public int steps { get; init; } = 300;

    /// <summary>Images per batch (cases for MICLe). The paper uses 512–4096 (SimCLR) and 128 (MICLe, §2.5); §8 advises ≥ 64.</summary>
    public int batch { get; init; } = 128;

    /// <summary>LARS base lr with square-root scaling: lr = base·√B (SimCLR App. B.1, better for small batches; §2.3).</summary>
    public double base_lr { get; init; } = 0.075;

    /// <summary>Linear warm-up share of the steps (SimCLR warms up 10 epochs of 100; §8: 5–10%).</summary>
    public double warmup_fraction { get; init; } = 0.1;

    /// <summary>1e-6, SimCLR v1 (§2.3).</summary>
    public double weight_decay { get; init; } = 1e-6;

    /// <summary>τ: 0.2, the author's small-batch advice (§8); 0.1 at ImageNet scale (§2.3).</summary>
    public double temperature { get; init; } = 0.2;

    /// <summary>128-d projection (MICLe §3, paper-notes §2.2).</summary>
    public long projection_dim { get; init; } = 128;

    /// <summary>Crop size of the views (the data's own size for 28-px MedMNIST).</summary>
    public int size { get; init; } = 28;

    /// <summary>Gaussian blur in the views: on for Derm (§2.4), but SimCLR's CIFAR recipe turns it off at ≤ 32 px (§8).</summary>
    public bool blur { get; init; }

    public double? clip_grad_norm { get; init; }
    public ulong seed { get; init; }
}
