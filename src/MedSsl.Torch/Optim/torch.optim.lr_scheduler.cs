using MedSsl.Torch.Optim;

namespace MedSsl.Torch;

public static partial class torch
{
    public static partial class optim
    {
        /// <summary>Learning-rate schedulers by PyTorch's names, e.g. warm-up then cosine:
        /// <c>lr_scheduler.SequentialLR(opt, new[] { lr_scheduler.LinearLR(opt, 0.01, 1, 5),
        /// lr_scheduler.CosineAnnealingLR(opt, 95) }, new[] { 5 })</c>. Call step() after optimizer.step().</summary>
        public static class lr_scheduler
        {
            public static Optim.StepLR StepLR(Optimizer optimizer, int step_size, double gamma = 0.1, int last_epoch = -1) =>
                new(optimizer, step_size, gamma, last_epoch);

            public static Optim.MultiStepLR MultiStepLR(Optimizer optimizer, IEnumerable<int> milestones, double gamma = 0.1,
                                                        int last_epoch = -1) =>
                new(optimizer, milestones, gamma, last_epoch);

            public static Optim.LinearLR LinearLR(Optimizer optimizer, double start_factor = 1.0 / 3, double end_factor = 1.0,
                                                  int total_iters = 5, int last_epoch = -1) =>
                new(optimizer, start_factor, end_factor, total_iters, last_epoch);

            public static Optim.CosineAnnealingLR CosineAnnealingLR(Optimizer optimizer, int T_max, double eta_min = 0,
                                                                    int last_epoch = -1) =>
                new(optimizer, T_max, eta_min, last_epoch);

            public static Optim.LambdaLR LambdaLR(Optimizer optimizer, Func<int, double> lr_lambda, int last_epoch = -1) =>
                new(optimizer, lr_lambda, last_epoch);

            public static Optim.LambdaLR LambdaLR(Optimizer optimizer, IReadOnlyList<Func<int, double>> lr_lambdas,
                                                  int last_epoch = -1) =>
                new(optimizer, lr_lambdas, last_epoch);

            public static Optim.SequentialLR SequentialLR(Optimizer optimizer, IReadOnlyList<LRScheduler> schedulers,
                                                          IReadOnlyList<int> milestones, int last_epoch = -1) =>
                new(optimizer, schedulers, milestones, last_epoch);
        }
    }
}
