using MedSsl.Torch;
using MedSsl.Torch.Optim;

namespace MedSsl.Optim;

/// <summary>
/// LARS, exactly as SimCLR's lars_optimizer.py (paper-notes §2.7), for each parameter w with gradient ∇w:
/// <code>
/// g     = ∇w + wd·w                       (unless w is excluded)
/// trust = η·‖w‖ / ‖g‖                     (1 if either norm is 0, or w is excluded)
/// v     = m·v + lr·trust·g                (v starts at 0; state "momentum_buffer")
/// w     = w − v
/// </code>
/// Note the lr inside the momentum buffer (TensorFlow's form), unlike torch.optim.SGD.
/// Excluded from weight decay AND from the trust ratio: batch-norm and bias parameters (SimCLR excludes
/// 'batch_normalization' and 'bias' by name). Here the default rule is by shape: a parameter with at most one
/// dimension is a BN γ/β or a bias, which holds for ResNets and MLP heads; pass <c>exclude</c> with
/// named parameters to decide by name instead (e.g. also the supervised head, as SimCLR does).
/// lr, momentum and weight_decay are per group (schedulers change lr); η is per optimizer.
/// </summary>
public sealed class Lars : Optimizer
{
    static readonly string[] Names = { "momentum_buffer" };
    readonly HashSet<Parameter> excluded = new(ReferenceEqualityComparer.Instance);

    /// <summary>Parameters excluded by shape (≤ 1 dim).</summary>
    /// <param name="parameters">The parameters to train (one group).</param>
    /// <param name="lr">The scaled learning rate (see <see cref="LrScaling"/>).</param>
    /// <param name="momentum">0.9 (SimCLR §B.1).</param>
    /// <param name="weight_decay">1e-6, SimCLR v1 (§B.1); the code's default is 1e-4 (paper-notes §2.3).</param>
    /// <param name="eta">The trust coefficient η, 0.001 (EETA_DEFAULT).</param>
    public Lars(IEnumerable<Parameter> parameters, double lr, double momentum = 0.9, double weight_decay = 1e-6, double eta = 0.001)
        : this(new[] { new ParamGroup(parameters) }, lr, momentum, weight_decay, eta) { }

    /// <summary>Groups; parameters excluded by shape (≤ 1 dim). Groups that set no lr take this lr.</summary>
    public Lars(IEnumerable<ParamGroup> param_groups, double? lr = null, double momentum = 0.9, double weight_decay = 1e-6,
                double eta = 0.001)
        : base(param_groups, Defaults(lr, momentum, weight_decay, eta))
    {
        this.eta = eta;
        foreach (var p in parameters())
            if (p.dim() <= 1) excluded.Add(p);
    }

    /// <summary>Named parameters (module.named_parameters()); exclude(name, p) picks the parameters kept out
    /// of weight decay and trust-ratio adaptation (default: ≤ 1 dim, as above).</summary>
    public Lars(IEnumerable<(string name, Parameter parameter)> named_parameters, double lr, double momentum = 0.9,
                double weight_decay = 1e-6, double eta = 0.001, Func<string, Parameter, bool>? exclude = null)
        : this(Materialise(named_parameters, out var named), lr, momentum, weight_decay, eta)
    {
        if (exclude is null) return;
        excluded.Clear();
        foreach (var (name, p) in named)
            if (exclude(name, p)) excluded.Add(p);
    }

    public double eta { get; }

    /// <summary>Whether p skips weight decay and the trust ratio.</summary>
    public bool is_excluded(Parameter p) => excluded.Contains(p);

    protected override string[] StateNames => Names;

    static IEnumerable<Parameter> Materialise(IEnumerable<(string, Parameter)> named, out List<(string, Parameter)> list)
    {
        list = named.ToList();
        return list.Select(e => e.Item2).ToList();
    }

    static ParamGroup Defaults(double? lr, double momentum, double weight_decay, double eta)
    {
        if (lr < 0) throw new ArgumentException($"Lars: invalid learning rate {lr}.");
        if (momentum < 0) throw new ArgumentException($"Lars: invalid momentum {momentum}.");
        if (weight_decay < 0) throw new ArgumentException($"Lars: invalid weight_decay {weight_decay}.");
        if (!(eta > 0)) throw new ArgumentException($"Lars: the trust coefficient eta must be positive, got {eta}.");
        return new ParamGroup(Array.Empty<Parameter>(), lr, momentum, weight_decay: weight_decay);
    }

    protected override void StepGroup(ParamGroup group)
    {
        foreach (var p in group.@params)
        {
            using var grad = p.grad;
            if (grad is null) continue;
            var adapted = !excluded.Contains(p);
            var g = adapted && group.weight_decay != 0 ? grad.add(p, group.weight_decay) : grad;
            var update = adapted ? g.mul(TrustRatio(p, g).mul_(group.lr)) : g.mul(group.lr);
            var v = GetOrCreateState(p, "momentum_buffer", () => torch.zeros_like(p));
            v.mul_(group.momentum).add_(update);
            p.sub_(v);
        }
    }

    /// <summary>η‖w‖/‖g‖ as a 0-d tensor (no host sync), 1 where either norm is 0.</summary>
    Tensor TrustRatio(Parameter w, Tensor g)
    {
        var wNorm = w.norm();
        var gNorm = g.norm();
        var both = wNorm.gt(0).logical_and(gNorm.gt(0));
        return wNorm.mul(eta).div(gNorm).where(both, 1.0);
    }

    protected override unsafe int StepParameter(ParamGroup group, Parameter p, IntPtr* slots) =>
        throw new NotSupportedException("Lars steps with tensor ops in StepGroup.");
}
