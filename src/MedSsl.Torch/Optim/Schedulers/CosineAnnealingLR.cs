using System.Text.Json;
using System.Text.Json.Nodes;

namespace MedSsl.Torch.Optim;

/// <summary>
/// Cosine annealing from the base lr down to eta_min over T_max steps
/// (torch.optim.lr_scheduler.CosineAnnealingLR, without restarts). As in PyTorch, stepping past T_max
/// follows the cosine back up.
/// </summary>
public sealed class CosineAnnealingLR : LRScheduler
{
    public CosineAnnealingLR(Optimizer optimizer, int T_max, double eta_min = 0, int last_epoch = -1)
        : base(optimizer, last_epoch)
    {
        if (T_max <= 0) throw new ArgumentException($"T_max must be positive, got {T_max}.");
        this.T_max = T_max;
        this.eta_min = eta_min;
        InitialStep();
    }

    public int T_max { get; private set; }
    public double eta_min { get; private set; }

    protected override double[] get_lr()
    {
        var lrs = current_lrs();
        if (last_epoch == 0) return lrs;
        if (step_count == 1 && last_epoch > 0) return ClosedForm(last_epoch);
        if ((last_epoch - 1 - T_max) % (2 * T_max) == 0)
            return lrs.Select((lr, i) => lr + (base_lrs[i] - eta_min) * (1 - Math.Cos(Math.PI / T_max)) / 2).ToArray();
        // Ratio of consecutive cosine points, applied to the current lr.
        return lrs.Select(lr => (1 + Math.Cos(Math.PI * last_epoch / T_max)) /
                                (1 + Math.Cos(Math.PI * (last_epoch - 1) / T_max)) * (lr - eta_min) + eta_min).ToArray();
    }

    protected override double[] get_closed_form_lr() => ClosedForm(last_epoch);

    double[] ClosedForm(int epoch) =>
        base_lrs.Select(b => eta_min + (b - eta_min) * (1 + Math.Cos(Math.PI * epoch / T_max)) / 2).ToArray();

    protected override void SaveOptions(JsonObject state)
    {
        state["T_max"] = T_max;
        state["eta_min"] = eta_min;
    }

    protected override void LoadOptions(JsonObject state)
    {
        if (state["T_max"] is { } t) T_max = t.Deserialize<int>();
        if (state["eta_min"] is { } e) eta_min = e.Deserialize<double>();
    }
}
