using System.Text.Json;
using System.Text.Json.Nodes;

namespace MedSsl.Torch.Optim;

/// <summary>
/// Base of the learning-rate schedulers (PyTorch 1.13's _LRScheduler). step() moves last_epoch on and
/// writes a new lr into every param group. Subclasses compute it in PyTorch's chainable form (from the
/// groups' current lr), so the values agree with PyTorch step by step, and call
/// <see cref="InitialStep"/> at the end of their constructor (C# runs this constructor first).
/// </summary>
public abstract class LRScheduler
{
    protected LRScheduler(Optimizer optimizer, int last_epoch)
    {
        this.optimizer = optimizer;
        var groups = optimizer.param_groups;
        for (var i = 0; i < groups.Count; i++)
        {
            if (last_epoch == -1) groups[i].initial_lr ??= groups[i].lr;
            else if (groups[i].initial_lr is null)
                throw new ArgumentException($"param 'initial_lr' is not specified in param_groups[{i}] when resuming " +
                                            $"a schedule at last_epoch {last_epoch}.");
        }
        base_lrs = groups.Select(g => g.initial_lr!.Value).ToArray();
        this.last_epoch = last_epoch;
    }

    public Optimizer optimizer { get; }

    /// <summary>Index of the last step taken (0 right after construction).</summary>
    public int last_epoch { get; protected internal set; }

    /// <summary>Each group's initial_lr when the scheduler was made.</summary>
    public double[] base_lrs { get; protected set; }

    /// <summary>Calls of step() so far, the initial one included (PyTorch's _step_count).</summary>
    protected int step_count;

    /// <summary>The lrs the last step set (null until the initial step).</summary>
    protected double[]? last_lr;

    protected IReadOnlyList<ParamGroup> groups => optimizer.param_groups;

    /// <summary>The groups' current lrs, where the chainable forms start from.</summary>
    protected double[] current_lrs() => groups.Select(g => g.lr).ToArray();

    /// <summary>The learning rates of the chainable form for last_epoch.</summary>
    protected abstract double[] get_lr();

    /// <summary>The closed form for last_epoch, used by step(epoch); null where there is none.</summary>
    protected virtual double[]? get_closed_form_lr() => null;

    /// <summary>PyTorch's _initial_step: the step that sets the lrs of epoch 0.</summary>
    protected internal void InitialStep()
    {
        step_count = 0;
        step();
    }

    /// <summary>Advances one epoch (or iteration) and sets the groups' lr.</summary>
    public virtual void step()
    {
        step_count++;
        last_epoch++;
        Apply(get_lr());
    }

    /// <summary>Jumps to epoch (PyTorch's deprecated step(epoch)): the closed form where there is one.</summary>
    public virtual void step(int epoch)
    {
        step_count++;
        last_epoch = epoch;
        Apply(get_closed_form_lr() ?? get_lr());
    }

    void Apply(double[] lrs)
    {
        for (var i = 0; i < groups.Count; i++) groups[i].lr = lrs[i];
        last_lr = current_lrs();
    }

    /// <summary>The lrs set by the last step, one per group.</summary>
    public IReadOnlyList<double> get_last_lr() => last_lr ?? throw new InvalidOperationException(
        $"{GetType().Name} has not taken its initial step: its constructor must end with InitialStep().");

    /// <summary>The scheduler's counters and hyper-parameters (JSON-able), PyTorch's keys.</summary>
    public virtual JsonObject state_dict()
    {
        var state = new JsonObject
        {
            ["last_epoch"] = last_epoch,
            ["_step_count"] = step_count,
            ["base_lrs"] = ToJson(base_lrs),
            ["_last_lr"] = last_lr is null ? null : ToJson(last_lr),
        };
        SaveOptions(state);
        return state;
    }

    /// <summary>Restores what state_dict() saved (keys absent from it keep their values).</summary>
    public virtual void load_state_dict(JsonObject state)
    {
        if (state["last_epoch"] is { } e) last_epoch = e.Deserialize<int>();
        if (state["_step_count"] is { } c) step_count = c.Deserialize<int>();
        if (state["base_lrs"] is { } b) base_lrs = Doubles(b);
        if (state["_last_lr"] is { } l) last_lr = Doubles(l);
        LoadOptions(state);
    }

    /// <summary>Adds the subclass's hyper-parameters to a state dict.</summary>
    protected virtual void SaveOptions(JsonObject state) { }

    /// <summary>Reads the subclass's hyper-parameters back.</summary>
    protected virtual void LoadOptions(JsonObject state) { }

    protected static JsonArray ToJson(IEnumerable<double> values) => new(values.Select(v => (JsonNode)v).ToArray());

    protected static JsonArray ToJson(IEnumerable<int> values) => new(values.Select(v => (JsonNode)v).ToArray());

    protected static double[] Doubles(JsonNode node) => node.AsArray().Select(n => n!.Deserialize<double>()).ToArray();

    protected static int[] Ints(JsonNode node) => node.AsArray().Select(n => n!.Deserialize<int>()).ToArray();

    /// <summary>Python's bisect_right on an ascending list: how many values are &lt;= x.</summary>
    protected static int BisectRight(IReadOnlyList<int> sorted, int x)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (x < sorted[mid]) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    /// <summary>Python's // on ints (floors for negative numbers too).</summary>
    protected static int FloorDiv(int a, int b) => (int)Math.Floor((double)a / b);
}
