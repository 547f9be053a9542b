using System.Text.Json;
using System.Text.Json.Nodes;

namespace MedSsl.Torch.Optim;

/// <summary>
/// Linear warm-up: scales the lr from start_factor to end_factor times its base over total_iters steps,
/// then keeps it (torch.optim.lr_scheduler.LinearLR).
/// </summary>
public sealed class LinearLR : LRScheduler
{
    public LinearLR(Optimizer optimizer, double start_factor = 1.0 / 3, double end_factor = 1.0, int total_iters = 5,
                    int last_epoch = -1) : base(optimizer, last_epoch)
    {
        if (start_factor is > 1.0 or <= 0)
            throw new ArgumentException($"start_factor must be in (0, 1], got {start_factor}.");
        if (end_factor is > 1.0 or < 0) throw new ArgumentException($"end_factor must be in [0, 1], got {end_factor}.");
        this.start_factor = start_factor;
        this.end_factor = end_factor;
        this.total_iters = total_iters;
        InitialStep();
    }

    public double start_factor { get; private set; }
    public double end_factor { get; private set; }
    public int total_iters { get; private set; }

    protected override double[] get_lr()
    {
        var lrs = current_lrs();
        if (last_epoch == 0) return lrs.Select(lr => lr * start_factor).ToArray();
        if (last_epoch > total_iters) return lrs;
        // The ratio of consecutive points on the line, so that chaining reproduces it.
        var delta = end_factor - start_factor;
        return lrs.Select(lr => lr * (1.0 + delta / (total_iters * start_factor + (last_epoch - 1) * delta))).ToArray();
    }

    protected override double[] get_closed_form_lr() =>
        base_lrs.Select(b => b * (start_factor + (end_factor - start_factor) * Math.Min(total_iters, last_epoch) / total_iters))
                .ToArray();

    protected override void SaveOptions(JsonObject state)
    {
        state["start_factor"] = start_factor;
        state["end_factor"] = end_factor;
        state["total_iters"] = total_iters;
    }

    protected override void LoadOptions(JsonObject state)
    {
        if (state["start_factor"] is { } s) start_factor = s.Deserialize<double>();
        if (state["end_factor"] is { } e) end_factor = e.Deserialize<double>();
        if (state["total_iters"] is { } t) total_iters = t.Deserialize<int>();
    }
}
