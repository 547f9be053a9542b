namespace MedSsl.Torch.Optim;

/// <summary>
/// Adam with decoupled weight decay (Loshchilov and Hutter): the parameter shrinks by lr * weight_decay
/// before the Adam update. PyTorch 1.13's torch.optim.AdamW, including its default weight_decay of 1e-2.
/// </summary>
public sealed class AdamW : Adam
{
    public AdamW(IEnumerable<Parameter> parameters, double lr = 1e-3, (double, double)? betas = null, double eps = 1e-8,
                 double weight_decay = 1e-2, bool amsgrad = false, bool maximize = false)
        : this(new[] { new ParamGroup(parameters) }, lr, betas, eps, weight_decay, amsgrad, maximize) { }

    public AdamW(IEnumerable<ParamGroup> param_groups, double lr = 1e-3, (double, double)? betas = null, double eps = 1e-8,
                 double weight_decay = 1e-2, bool amsgrad = false, bool maximize = false)
        : base(param_groups, lr, betas, eps, weight_decay, amsgrad, maximize, decoupled: true) { }
}
