using MedSsl.Torch;
using static MedSsl.Torch.torch.nn;

namespace MedSsl.Losses;

/// <summary>
/// NT-Xent where the positives are given by ids (solo-learn's simclr_loss_func(z, indexes)): forward(z, ids)
/// takes all views z [M, D] and an int64 id per view; every other view with the same id is a positive, every
/// view with another id a negative. Per anchor i with positives P(i):
/// ℓ_i = −log( Σ_{p∈P(i)} exp(s_ip/τ) / Σ_{k≠i} exp(s_ik/τ) ), s the cosine similarity; the loss is the mean
/// over anchors. With exactly two views per id this is <see cref="NTXentLoss"/>'s L. MICLe uses it with
/// case ids as ids (two images of one patient case, MICLe §3); with more views per case it is the
/// multi-positive generalisation. An id seen once has no positive: that is an error, not a skipped row.
/// </summary>
public sealed class MultiPositiveNTXentLoss : Module<Tensor, Tensor, Tensor>
{
    /// <param name="temperature">τ; 0.1 as <see cref="NTXentLoss"/>.</param>
    public MultiPositiveNTXentLoss(double temperature = 0.1)
    {
        if (!(temperature > 0)) throw new ArgumentException($"MultiPositiveNTXentLoss: temperature must be positive, got {temperature}.");
        this.temperature = temperature;
    }

    public double temperature { get; }

    public override Tensor forward(Tensor z, Tensor ids)
    {
        if (z.dim() != 2 || ids.dim() != 1 || ids.shape[0] != z.shape[0])
            throw new ArgumentException($"MultiPositiveNTXentLoss: expected z [M, D] and ids [M], got " +
                                        $"[{string.Join(", ", z.shape)}] and [{string.Join(", ", ids.shape)}].");
        using var scope = torch.NewDisposeScope();
        var logits = NTXentLoss.SelfMaskedLogits(functional.normalize(z, dim: 1), temperature);
        var eye = torch.eye(z.shape[0], dtype: torch.@bool, device: z.device);
        var positive = ids.unsqueeze(1).eq(ids.unsqueeze(0)).logical_and(eye.logical_not());
        CheckEveryAnchorHasAPositive(positive, ids);
        var log_pos = logits.masked_fill(positive.logical_not(), -NTXentLoss.LargeNum).logsumexp(1);
        var loss = logits.logsumexp(1).sub(log_pos).mean();
        return loss.MoveToOuterDisposeScope();
    }

    static void CheckEveryAnchorHasAPositive(Tensor positive, Tensor ids)
    {
        using var lonely = positive.any(1).logical_not();
        if (!lonely.any().item<bool>()) return;
        using var where = lonely.nonzero().flatten();
        var rows = where.cpu().data<long>();
        using var idsCpu = ids.to(torch.int64).cpu();
        var values = idsCpu.data<long>();
        throw new ArgumentException($"MultiPositiveNTXentLoss: view(s) {string.Join(", ", rows.Take(10))} (id " +
                                    $"{string.Join(", ", rows.Take(10).Select(r => values[r]))}) have no other view with the same id, " +
                                    "so no positive; give every id at least two views (MICLe falls back to two augmentations of one image).");
    }

    public override string extra_repr() => $"temperature={temperature}";
}
