using MedSsl.Torch.Native;

namespace MedSsl.Torch.Optim;

/// <summary>
/// Stochastic gradient descent with optional momentum, dampening, Nesterov momentum and L2 weight
/// decay: PyTorch 1.13's torch.optim.SGD update, step for step. State: "momentum_buffer".
/// </summary>
public sealed class SGD : Optimizer
{
    static readonly string[] Names = { "momentum_buffer" };

    public SGD(IEnumerable<Parameter> parameters, double lr, double momentum = 0, double dampening = 0,
               double weight_decay = 0, bool nesterov = false, bool maximize = false)
        : this(new[] { new ParamGroup(parameters) }, lr, momentum, dampening, weight_decay, nesterov, maximize) { }

    /// <summary>Groups that set no lr need a default lr here.</summary>
    public SGD(IEnumerable<ParamGroup> param_groups, double? lr = null, double momentum = 0, double dampening = 0,
               double weight_decay = 0, bool nesterov = false, bool maximize = false)
        : base(param_groups, Defaults(lr, momentum, dampening, weight_decay, nesterov, maximize)) { }

    protected override string[] StateNames => Names;

    static ParamGroup Defaults(double? lr, double momentum, double dampening, double weight_decay, bool nesterov, bool maximize)
    {
        if (lr < 0) throw new ArgumentException($"Invalid learning rate: {lr}");
        if (momentum < 0) throw new ArgumentException($"Invalid momentum value: {momentum}");
        if (weight_decay < 0) throw new ArgumentException($"Invalid weight_decay value: {weight_decay}");
        if (nesterov && (momentum <= 0 || dampening != 0))
            throw new ArgumentException("Nesterov momentum requires a momentum and zero dampening.");
        return new ParamGroup(Array.Empty<Parameter>(), lr, momentum, dampening, weight_decay, nesterov, maximize);
    }

    protected override unsafe int StepParameter(ParamGroup g, Parameter p, IntPtr* slots) =>
        LibNative.mt_sgd_step(p.Handle, slots, g.lr, g.momentum, g.dampening, g.weight_decay,
                              g.nesterov ? 1 : 0, g.maximize ? 1 : 0);
}
