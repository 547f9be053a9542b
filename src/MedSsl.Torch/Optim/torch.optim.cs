using MedSsl.Torch.Optim;

namespace MedSsl.Torch;

public static partial class torch
{
    /// <summary>Optimizers by PyTorch's names: <c>torch.optim.SGD(model.parameters(), 0.1, momentum: 0.9)</c>.
    /// The classes live in MedSsl.Torch.Optim; the schedulers in <see cref="lr_scheduler"/>.</summary>
    public static partial class optim
    {
        public static Optim.SGD SGD(IEnumerable<Parameter> parameters, double lr, double momentum = 0, double dampening = 0,
                                    double weight_decay = 0, bool nesterov = false, bool maximize = false) =>
            new(parameters, lr, momentum, dampening, weight_decay, nesterov, maximize);

        public static Optim.SGD SGD(IEnumerable<ParamGroup> param_groups, double? lr = null, double momentum = 0,
                                    double dampening = 0, double weight_decay = 0, bool nesterov = false, bool maximize = false) =>
            new(param_groups, lr, momentum, dampening, weight_decay, nesterov, maximize);

        public static Optim.Adam Adam(IEnumerable<Parameter> parameters, double lr = 1e-3, (double, double)? betas = null,
                                      double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false) =>
            new(parameters, lr, betas, eps, weight_decay, amsgrad, maximize);

        public static Optim.Adam Adam(IEnumerable<ParamGroup> param_groups, double lr = 1e-3, (double, double)? betas = null,
                                      double eps = 1e-8, double weight_decay = 0, bool amsgrad = false, bool maximize = false) =>
            new(param_groups, lr, betas, eps, weight_decay, amsgrad, maximize);

        public static Optim.AdamW AdamW(IEnumerable<Parameter> parameters, double lr = 1e-3, (double, double)? betas = null,
                                        double eps = 1e-8, double weight_decay = 1e-2, bool amsgrad = false, bool maximize = false) =>
            new(parameters, lr, betas, eps, weight_decay, amsgrad, maximize);

        public static Optim.AdamW AdamW(IEnumerable<ParamGroup> param_groups, double lr = 1e-3, (double, double)? betas = null,
                                        double eps = 1e-8, double weight_decay = 1e-2, bool amsgrad = false, bool maximize = false) =>
            new(param_groups, lr, betas, eps, weight_decay, amsgrad, maximize);
    }
}
