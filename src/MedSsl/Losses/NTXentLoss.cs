using MedSsl.Torch;
using static MedSsl.Torch.torch.nn;

namespace MedSsl.Losses;

/// <summary>
/// SimCLR's normalised temperature-scaled cross entropy (NT-Xent, SimCLR §2.1 Eq. 1, Alg. 1).
/// forward(z0, z1) takes the two views' projections [N, D], row i of z0 and of z1 being one positive pair.
/// The 2N embeddings are L2-normalised; each anchor's logits are its cosine similarities / τ to the other
/// 2N − 1 views (its positive and 2N − 2 negatives, from both views); the self-similarity is masked with
/// −1e9 as in the code (objective.py). Both directions (i→j and j→i) count.
/// <para>Scale: by default the value is the paper's L, the mean of ℓ over the 2N anchors. SimCLR's code
/// returns loss_a + loss_b, each a mean over N, which is 2L (paper-notes §5.1); <c>sum_directions: true</c>
/// gives that. It matters with LARS, whose weight decay is added to the gradient (§2.7).</para>
/// </summary>
public sealed class NTXentLoss : Module<Tensor, Tensor, Tensor>
{
    /// <summary>What SimCLR's code subtracts from self-similarities: exp(−1e9/τ) is 0 in float32.</summary>
    internal const double LargeNum = 1e9;

    /// <param name="temperature">τ; 0.1 is SimCLR's code default and its ImageNet setting (paper-notes §2.3).</param>
    /// <param name="sum_directions">Return the code's loss_a + loss_b (= 2L) instead of the paper's L.</param>
    public NTXentLoss(double temperature = 0.1, bool sum_directions = false)
    {
        if (!(temperature > 0)) throw new ArgumentException($"NTXentLoss: temperature must be positive, got {temperature}.");
        this.temperature = temperature;
        this.sum_directions = sum_directions;
    }

    public double temperature { get; }
    public bool sum_directions { get; }

    public override Tensor forward(Tensor z0, Tensor z1)
    {
        if (z0.dim() != 2 || !z0.shape.SequenceEqual(z1.shape))
            throw new ArgumentException($"NTXentLoss: expected z0 and z1 of the same shape [N, D], got " +
                                        $"[{string.Join(", ", z0.shape)}] and [{string.Join(", ", z1.shape)}].");
        var n = z0.shape[0];
        using var scope = torch.NewDisposeScope();
        var z = functional.normalize(torch.cat(new[] { z0, z1 }, 0), dim: 1);
        var logits = SelfMaskedLogits(z, temperature);
        // Row i < N has its positive at i + N, row i ≥ N at i − N.
        var targets = torch.cat(new[] { torch.arange(n, 2 * n, dtype: torch.int64, device: z.device),
                                        torch.arange(0, n, dtype: torch.int64, device: z.device) }, 0);
        var loss = functional.cross_entropy(logits, targets);
        return (sum_directions ? loss.mul(2) : loss).MoveToOuterDisposeScope();
    }

    /// <summary>z zᵀ / τ with −1e9 on the diagonal, for L2-normalised rows z [M, D].</summary>
    internal static Tensor SelfMaskedLogits(Tensor z, double temperature)
    {
        var m = z.shape[0];
        using var eye = torch.eye(m, dtype: torch.@bool, device: z.device);
        using var sim = z.matmul(z.t()).div_(temperature);
        return sim.masked_fill(eye, -LargeNum);
    }

    public override string extra_repr() => $"temperature={temperature}, sum_directions={sum_directions}";
}
