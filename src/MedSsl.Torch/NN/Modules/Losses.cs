namespace MedSsl.Torch.Modules;

// Loss layers: call(input, target). Class weights become (non-trainable) buffers, as in PyTorch;
// the module keeps its own handle, so the caller's tensor stays the caller's.

public sealed class CrossEntropyLoss : torch.nn.Module<Tensor, Tensor, Tensor>
{
    public long ignore_index { get; }
    public torch.nn.Reduction reduction { get; }
    public double label_smoothing { get; }

    public CrossEntropyLoss(Tensor? weight = null, long ignore_index = -100,
                            torch.nn.Reduction reduction = torch.nn.Reduction.Mean, double label_smoothing = 0.0)
    {
        register_buffer("weight", weight?.alias());
        (this.ignore_index, this.reduction, this.label_smoothing) = (ignore_index, reduction, label_smoothing);
    }

    public Tensor? weight => GetBuffer("weight");

    public override Tensor forward(Tensor input, Tensor target) =>
        torch.nn.functional.cross_entropy(input, target, weight, ignore_index, reduction, label_smoothing);
}

public sealed class NLLLoss : torch.nn.Module<Tensor, Tensor, Tensor>
{
    public long ignore_index { get; }
    public torch.nn.Reduction reduction { get; }

    public NLLLoss(Tensor? weight = null, long ignore_index = -100, torch.nn.Reduction reduction = torch.nn.Reduction.Mean)
    {
        register_buffer("weight", weight?.alias());
        (this.ignore_index, this.reduction) = (ignore_index, reduction);
    }

    public Tensor? weight => GetBuffer("weight");

    public override Tensor forward(Tensor input, Tensor target) =>
        torch.nn.functional.nll_loss(input, target, weight, ignore_index, reduction);
}

public sealed class BCEWithLogitsLoss : torch.nn.Module<Tensor, Tensor, Tensor>
{
    public torch.nn.Reduction reduction { get; }

    public BCEWithLogitsLoss(Tensor? weight = null, torch.nn.Reduction reduction = torch.nn.Reduction.Mean, Tensor? pos_weight = null)
    {
        register_buffer("weight", weight?.alias());
        register_buffer("pos_weight", pos_weight?.alias());
        this.reduction = reduction;
    }

    public Tensor? weight => GetBuffer("weight");
    public Tensor? pos_weight => GetBuffer("pos_weight");

    public override Tensor forward(Tensor input, Tensor target) =>
        torch.nn.functional.binary_cross_entropy_with_logits(input, target, weight, reduction, pos_weight);
}

public sealed class MSELoss(torch.nn.Reduction reduction = torch.nn.Reduction.Mean) : torch.nn.Module<Tensor, Tensor, Tensor>
{
    public torch.nn.Reduction reduction { get; } = reduction;
    public override Tensor forward(Tensor input, Tensor target) => torch.nn.functional.mse_loss(input, target, reduction);
}

public sealed class L1Loss(torch.nn.Reduction reduction = torch.nn.Reduction.Mean) : torch.nn.Module<Tensor, Tensor, Tensor>
{
    public torch.nn.Reduction reduction { get; } = reduction;
    public override Tensor forward(Tensor input, Tensor target) => torch.nn.functional.l1_loss(input, target, reduction);
}
