namespace MedSsl.Torch.Optim;

/// <summary>
/// Sets each group's lr to its base lr times lr_lambda(epoch) (torch.optim.lr_scheduler.LambdaLR).
/// One function for every group, or one per group. The functions are not part of state_dict().
/// </summary>
public sealed class LambdaLR : LRScheduler
{
    readonly Func<int, double>[] lambdas;

    public LambdaLR(Optimizer optimizer, Func<int, double> lr_lambda, int last_epoch = -1)
        : this(optimizer, Enumerable.Repeat(lr_lambda, optimizer.param_groups.Count).ToArray(), last_epoch) { }

    public LambdaLR(Optimizer optimizer, IReadOnlyList<Func<int, double>> lr_lambdas, int last_epoch = -1)
        : base(optimizer, last_epoch)
    {
        if (lr_lambdas.Count != optimizer.param_groups.Count)
            throw new ArgumentException($"Expected {optimizer.param_groups.Count} lr_lambdas (one per group), but got {lr_lambdas.Count}.");
        lambdas = lr_lambdas.ToArray();
        InitialStep();
    }

    protected override double[] get_lr() => base_lrs.Select((b, i) => b * lambdas[i](last_epoch)).ToArray();
}
