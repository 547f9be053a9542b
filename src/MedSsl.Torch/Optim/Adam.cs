using MedSsl.Torch.Native;

namespace MedSsl.Torch.Optim;

/// <summary>
/// Adam with L2 weight decay added to the gradient and optional AMSGrad: PyTorch 1.13's
/// torch.optim.Adam update. State: "step" (0-d float32), "exp_avg", "exp_avg_sq", "max_exp_avg_sq".
/// </summary>
public class Adam : Optimizer
{
    static readonly string[] Names = { "step", "exp_avg", "exp_avg_sq", "max_exp_avg_sq" };
    readonly bool decoupled;

    public Adam(IEnumerable<Parameter> parameters, double lr = 1e-3, (double, double)? betas = null, double eps = 1e-8,
                double weight_decay = 0, bool amsgrad = false, bool maximize = false)
        : this(new[] { new ParamGroup(parameters) }, lr, betas, eps, weight_decay, amsgrad, maximize) { }

    public Adam(IEnumerable<ParamGroup> param_groups, double lr = 1e-3, (double, double)? betas = null, double eps = 1e-8,
                double weight_decay = 0, bool amsgrad = false, bool maximize = false)
        : this(param_groups, lr, betas, eps, weight_decay, amsgrad, maximize, decoupled: false) { }

    /// <summary>decoupled: weight decay shrinks the parameter instead of joining the gradient (AdamW).</summary>
    private protected Adam(IEnumerable<ParamGroup> param_groups, double lr, (double, double)? betas, double eps,
                           double weight_decay, bool amsgrad, bool maximize, bool decoupled)
        : base(param_groups, Defaults(lr, betas ?? (0.9, 0.999), eps, weight_decay, amsgrad, maximize)) =>
        this.decoupled = decoupled;

    protected override string[] StateNames => Names;

    static ParamGroup Defaults(double lr, (double, double) betas, double eps, double weight_decay, bool amsgrad, bool maximize)
    {
        if (lr < 0) throw new ArgumentException($"Invalid learning rate: {lr}");
        if (eps < 0) throw new ArgumentException($"Invalid epsilon value: {eps}");
        if (betas.Item1 is < 0 or >= 1) throw new ArgumentException($"Invalid beta parameter at index 0: {betas.Item1}");
        if (betas.Item2 is < 0 or >= 1) throw new ArgumentException($"Invalid beta parameter at index 1: {betas.Item2}");
        if (weight_decay < 0) throw new ArgumentException($"Invalid weight_decay value: {weight_decay}");
        return new ParamGroup(Array.Empty<Parameter>(), lr, weight_decay: weight_decay, maximize: maximize,
                              betas: betas, eps: eps, amsgrad: amsgrad);
    }

    protected override unsafe int StepParameter(ParamGroup g, Parameter p, IntPtr* slots)
    {
        var (beta1, beta2) = g.betas;
        return LibNative.mt_adam_step(p.Handle, slots, g.lr, beta1, beta2, g.eps, g.weight_decay,
                                      g.amsgrad ? 1 : 0, g.maximize ? 1 : 0, decoupled ? 1 : 0);
    }
}
