using System.Text.Json;
using System.Text.Json.Nodes;

namespace MedSsl.Torch.Optim;

/// <summary>
/// Runs schedulers one after another, switching at the milestones (torch.optim.lr_scheduler.SequentialLR),
/// e.g. LinearLR warm-up for 5 epochs, then CosineAnnealingLR. Each scheduler after the first restarts
/// from its closed form at epoch 0 when its milestone is reached.
/// </summary>
public sealed class SequentialLR : LRScheduler
{
    readonly LRScheduler[] schedulers;
    int[] milestoneList;

    public SequentialLR(Optimizer optimizer, IReadOnlyList<LRScheduler> schedulers, IReadOnlyList<int> milestones,
                        int last_epoch = -1) : base(optimizer, -1)
    {
        for (var i = 0; i < schedulers.Count; i++)
            if (!ReferenceEquals(schedulers[i].optimizer, optimizer))
                throw new ArgumentException($"SequentialLR expects every scheduler to belong to its optimizer, but scheduler {i} does not.");
        if (milestones.Count != schedulers.Count - 1)
            throw new ArgumentException($"SequentialLR expects one milestone fewer than schedulers, but got {schedulers.Count} " +
                                        $"schedulers and {milestones.Count} milestones.");
        this.schedulers = schedulers.ToArray();
        milestoneList = milestones.ToArray();
        this.last_epoch = last_epoch + 1;

        // As PyTorch: back to the initial lrs, undo the schedulers' initial steps, redo the first one's.
        foreach (var g in groups) g.lr = g.initial_lr!.Value;
        foreach (var s in this.schedulers) s.last_epoch -= 1;
        this.schedulers[0].InitialStep();
        last_lr = this.schedulers[0].get_last_lr().ToArray();
    }

    public IReadOnlyList<LRScheduler> _schedulers => schedulers;
    public IReadOnlyList<int> milestones => milestoneList;

    public override void step()
    {
        last_epoch++;
        var idx = BisectRight(milestoneList, last_epoch);
        var scheduler = schedulers[idx];
        if (idx > 0 && milestoneList[idx - 1] == last_epoch) scheduler.step(0);
        else scheduler.step();
        last_lr = scheduler.get_last_lr().ToArray();
    }

    public override void step(int epoch) =>
        throw new NotSupportedException("SequentialLR has no step(epoch), as in PyTorch: call step().");

    // Never called: step() delegates to the current scheduler.
    protected override double[] get_lr() => current_lrs();

    public override JsonObject state_dict() => new()
    {
        ["last_epoch"] = last_epoch,
        ["_milestones"] = ToJson(milestoneList),
        ["_last_lr"] = last_lr is null ? null : ToJson(last_lr),
        ["_schedulers"] = new JsonArray(schedulers.Select(s => (JsonNode)s.state_dict()).ToArray()),
    };

    public override void load_state_dict(JsonObject state)
    {
        if (state["_schedulers"] is JsonArray children)
        {
            if (children.Count != schedulers.Length)
                throw new ArgumentException($"The state dict holds {children.Count} schedulers, but this SequentialLR has {schedulers.Length}.");
            for (var i = 0; i < schedulers.Length; i++) schedulers[i].load_state_dict(children[i]!.AsObject());
        }
        if (state["last_epoch"] is { } e) last_epoch = e.Deserialize<int>();
        if (state["_milestones"] is { } m) milestoneList = Ints(m);
        if (state["_last_lr"] is { } l) last_lr = Doubles(l);
    }
}
