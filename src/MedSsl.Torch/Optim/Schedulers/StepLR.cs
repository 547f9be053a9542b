using System.Text.Json;
using System.Text.Json.Nodes;

namespace MedSsl.Torch.Optim;

/// <summary>Multiplies the lr by gamma every step_size epochs (torch.optim.lr_scheduler.StepLR).</summary>
public sealed class StepLR : LRScheduler
{
    public StepLR(Optimizer optimizer, int step_size, double gamma = 0.1, int last_epoch = -1) : base(optimizer, last_epoch)
    {
        if (step_size <= 0) throw new ArgumentException($"step_size must be positive, got {step_size}.");
        this.step_size = step_size;
        this.gamma = gamma;
        InitialStep();
    }

    public int step_size { get; private set; }
    public double gamma { get; private set; }

    protected override double[] get_lr()
    {
        var lrs = current_lrs();
        if (last_epoch == 0 || last_epoch % step_size != 0) return lrs;
        return lrs.Select(lr => lr * gamma).ToArray();
    }

    protected override double[] get_closed_form_lr() =>
        base_lrs.Select(b => b * Math.Pow(gamma, FloorDiv(last_epoch, step_size))).ToArray();

    protected override void SaveOptions(JsonObject state)
    {
        state["step_size"] = step_size;
        state["gamma"] = gamma;
    }

    protected override void LoadOptions(JsonObject state)
    {
        if (state["step_size"] is { } s) step_size = s.Deserialize<int>();
        if (state["gamma"] is { } g) gamma = g.Deserialize<double>();
    }
}
