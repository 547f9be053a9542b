using System.Runtime.InteropServices;
using MedSsl.Torch.Native;

namespace MedSsl.Torch.Optim;

/// <summary>
/// Base of the optimizers (torch.optim.Optimizer): parameter groups, zero_grad, step, and
/// per-parameter state tensors that the optimizer owns (in no dispose scope) until it is disposed.
/// A subclass names its state slots and updates one parameter at a time.
/// </summary>
public abstract partial class Optimizer : IDisposable
{
    readonly List<ParamGroup> groups = new();
    // Per parameter: one tensor per StateNames entry, null until the first step creates it.
    readonly Dictionary<Parameter, Tensor?[]> state = new(ReferenceEqualityComparer.Instance);
    bool disposed;

    protected Optimizer(IEnumerable<ParamGroup> param_groups, ParamGroup defaults)
    {
        this.defaults = defaults;
        foreach (var g in param_groups) add_param_group(g);
        if (groups.Count == 0 || groups.All(g => g.@params.Count == 0))
            throw new ArgumentException($"{GetType().Name} got an empty parameter list.");
    }

    /// <summary>The hyper-parameters a group gets for the options it does not set.</summary>
    public ParamGroup defaults { get; }

    public IReadOnlyList<ParamGroup> param_groups => groups;

    /// <summary>Every parameter, group by group: the order that numbers them in state_dict().</summary>
    public IEnumerable<Parameter> parameters() => groups.SelectMany(g => g.@params);

    /// <summary>Names of the per-parameter state tensors, PyTorch's keys (e.g. "momentum_buffer").</summary>
    protected abstract string[] StateNames { get; }

    /// <summary>Adds a group; its unset options take the defaults. A parameter may be in one group only.</summary>
    public void add_param_group(ParamGroup group)
    {
        ThrowIfDisposed();
        var seen = new HashSet<Parameter>(parameters(), ReferenceEqualityComparer.Instance);
        foreach (var p in group.@params)
            if (!seen.Add(p))
                throw new ArgumentException("Some parameters appear in more than one parameter group (or twice in one).");
        group.SetDefaults(defaults);
        if (!group.has("lr"))
            throw new ArgumentException("A parameter group did not specify 'lr' and the optimizer has no default lr.");
        groups.Add(group);
    }

    /// <summary>Clears the gradients: set to none (default) or zeroed in place.</summary>
    public void zero_grad(bool set_to_none = true)
    {
        ThrowIfDisposed();
        foreach (var p in parameters()) p.zero_grad(set_to_none);
    }

    /// <summary>One update of every parameter that has a gradient. The closure, if any, re-evaluates
    /// the loss (with grad enabled) first; its result is returned.</summary>
    public Tensor? step(Func<Tensor>? closure = null)
    {
        ThrowIfDisposed();
        Tensor? loss = null;
        if (closure is not null)
            using (torch.enable_grad()) loss = closure();
        using (torch.no_grad())
        using (torch.NewDisposeScope())
            foreach (var g in groups) StepGroup(g);
        return loss;
    }

    /// <summary>Updates the parameters of one group (override for group-wide preparation).</summary>
    protected virtual void StepGroup(ParamGroup group)
    {
        foreach (var p in group.@params) StepOne(group, p);
    }

    /// <summary>Updates p through the shim: slots[i] is the native tensor of StateNames[i] or zero,
    /// and the shim fills the zeros it creates. Returns 1 (stepped), 0 (no gradient) or -1 (error).</summary>
    protected abstract unsafe int StepParameter(ParamGroup group, Parameter p, IntPtr* slots);

    /// <summary>Runs StepParameter and adopts every state tensor it created.</summary>
    protected unsafe void StepOne(ParamGroup group, Parameter p)
    {
        var names = StateNames;
        state.TryGetValue(p, out var tensors);
        tensors ??= new Tensor?[names.Length];
        IntPtr* slots = stackalloc IntPtr[names.Length];
        for (var i = 0; i < names.Length; i++) slots[i] = tensors[i]?.Handle.DangerousGetHandle() ?? IntPtr.Zero;
        var rc = StepParameter(group, p, slots);
        var created = false;
        for (var i = 0; i < names.Length; i++)
            if (tensors[i] is null && slots[i] != IntPtr.Zero)
            {
                tensors[i] = Adopt(slots[i]);
                created = true;
            }
        if (created) state[p] = tensors;
        if (rc < 0) throw TorchException.FromNative($"{GetType().Name}.step", p);
    }

    /// <summary>For optimizers written with tensor ops (they override StepGroup): p's state tensor called
    /// name, one of StateNames, made by init on first use. The optimizer owns it (state_dict saves it,
    /// Dispose frees it); update it in place.</summary>
    protected Tensor GetOrCreateState(Parameter p, string name, Func<Tensor> init)
    {
        var slot = Array.IndexOf(StateNames, name);
        if (slot < 0) throw new ArgumentException($"{GetType().Name} keeps no '{name}' state (it keeps {string.Join(", ", StateNames)}).");
        if (!state.TryGetValue(p, out var tensors)) state[p] = tensors = new Tensor?[StateNames.Length];
        return tensors[slot] ??= init().DetachFromDisposeScope();
    }

    /// <summary>The state tensors of p by name (owned by the optimizer: read them, do not dispose them).</summary>
    public IReadOnlyDictionary<string, Tensor> state_of(Parameter p)
    {
        var result = new Dictionary<string, Tensor>();
        if (state.TryGetValue(p, out var tensors))
            for (var i = 0; i < tensors.Length; i++)
                if (tensors[i] is { } t) result[StateNames[i]] = t;
        return result;
    }

    /// <summary>Wraps a native tensor the shim created as an optimizer-owned tensor.</summary>
    static Tensor Adopt(IntPtr native)
    {
        var h = new TensorHandle();
        Marshal.InitHandle(h, native);
        return new Tensor(h).DetachFromDisposeScope();
    }

    void ClearState()
    {
        foreach (var tensors in state.Values)
            foreach (var t in tensors) t?.Dispose();
        state.Clear();
    }

    protected void ThrowIfDisposed()
    {
        if (disposed) throw new ObjectDisposedException(GetType().Name, "This optimizer was disposed.");
    }

    /// <summary>Frees the state tensors; the parameters belong to their module and stay.</summary>
    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        ClearState();
        GC.SuppressFinalize(this);
    }
}
