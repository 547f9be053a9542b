using System.Text.Json;
using System.Text.Json.Nodes;

namespace MedSsl.Torch.Optim;

/// <summary>Multiplies the lr by gamma at each milestone epoch; a milestone listed twice applies gamma twice
/// (torch.optim.lr_scheduler.MultiStepLR).</summary>
public sealed class MultiStepLR : LRScheduler
{
    // Ascending, with repeats (PyTorch keeps a Counter).
    int[] milestoneList;

    public MultiStepLR(Optimizer optimizer, IEnumerable<int> milestones, double gamma = 0.1, int last_epoch = -1)
        : base(optimizer, last_epoch)
    {
        milestoneList = milestones.Order().ToArray();
        this.gamma = gamma;
        InitialStep();
    }

    public IReadOnlyList<int> milestones => milestoneList;
    public double gamma { get; private set; }

    protected override double[] get_lr()
    {
        var lrs = current_lrs();
        var hits = milestoneList.Count(m => m == last_epoch);
        if (hits == 0) return lrs;
        return lrs.Select(lr => lr * Math.Pow(gamma, hits)).ToArray();
    }

    protected override double[] get_closed_form_lr() =>
        base_lrs.Select(b => b * Math.Pow(gamma, BisectRight(milestoneList, last_epoch))).ToArray();

    protected override void SaveOptions(JsonObject state)
    {
        state["milestones"] = ToJson(milestoneList);
        state["gamma"] = gamma;
    }

    protected override void LoadOptions(JsonObject state)
    {
        if (state["milestones"] is { } m) milestoneList = Ints(m).Order().ToArray();
        if (state["gamma"] is { } g) gamma = g.Deserialize<double>();
    }
}
