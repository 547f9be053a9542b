using MedSsl.Methods;

namespace MedSsl.Evaluation;

/// <summary>
/// Supervised fine-tuning settings (paper-notes §2.6). The paper searched hyper-parameters per setting and
/// did not publish them; the defaults are SimCLR's fine-tuning recipe (App. B.5): Nesterov momentum 0.9,
/// no weight decay, no
/// warm-up, random crop + flip only. optimizer "adam" is offered as the documented small-scale deviation (§8).
/// </summary>
public sealed record FineTuneConfig
{
    public EncoderSpec encoder { get; init; } = new("resnet18", 0.25);
    public int steps { get; init; } = 200;
    public int batch { get; init; } = 64;

    /// <summary>"sgd" (Nesterov, SimCLR B.5) or "adam".</summary>
    public string optimizer { get; init; } = "sgd";

    /// <summary>Linear scaling base: lr = base·B/256. SimCLR B.5 uses 0.05 for 30–60 epochs; this default is
    /// 4× that, since a CPU run has a few epochs at most (§8 suggests a small lr grid; none is tuned here).</summary>
    public double base_lr { get; init; } = 0.2;
    public double weight_decay { get; init; }
    public int size { get; init; } = 28;
    public double? clip_grad_norm { get; init; }
}
