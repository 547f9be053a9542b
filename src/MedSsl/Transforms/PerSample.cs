using MedSsl.Torch;

namespace MedSsl.Transforms;

/// <summary>
/// Per-sample random parameters and per-sample dispatch. Parameters are drawn on the CPU from the caller's
/// <see cref="Generator"/> (a handful of numbers per sample), so a seed gives the same augmentations whatever
/// device the batch is on; they then travel to the batch's device as one small tensor.
/// </summary>
public static class PerSample
{
    /// <summary>n numbers drawn uniformly from [low, high) as a float64 CPU tensor [n].</summary>
    public static Tensor Uniform(Generator g, long n, double low, double high)
    {
        if (!(high >= low)) throw new ArgumentException($"PerSample.Uniform: empty range [{low}, {high}).");
        return torch.rand(new[] { n }, torch.float64, generator: g).mul_(high - low).add_(low);
    }

    /// <summary>n coin flips with P(true) = p as a bool CPU tensor [n].</summary>
    public static Tensor Bernoulli(Generator g, long n, double p)
    {
        if (!(p >= 0 && p <= 1)) throw new ArgumentException($"PerSample.Bernoulli: p must be in [0, 1], got {p}.");
        return torch.rand(new[] { n }, torch.float64, generator: g).lt(p);
    }

    /// <summary>A per-sample vector [B] as [B, 1, 1, 1] in the dtype and on the device of <paramref name="like"/>,
    /// ready to broadcast against the batch.</summary>
    public static Tensor Column(Tensor values, Tensor like) => values.to(like.dtype, like.device).view(-1, 1, 1, 1);

    /// <summary>A per-sample bool mask [B] as [B, 1, 1, 1] on the device of <paramref name="like"/> (for torch.where).</summary>
    public static Tensor MaskColumn(Tensor mask, Tensor like) => mask.to(like.device).view(-1, 1, 1, 1);

    /// <summary>
    /// Runs <paramref name="f"/> on the samples where <paramref name="mask"/> (bool [B], CPU) is true and leaves
    /// the others as they are: one batched call on the selected subset, not one call per sample.
    /// <paramref name="f"/> must keep the shape of each sample.
    /// </summary>
    public static Tensor Where(Tensor x, Tensor mask, Func<Tensor, Tensor> f, string who) =>
        Route(x, mask.to(torch.int64), new Func<Tensor, Tensor>?[] { null, f }, who);

    /// <summary>
    /// Splits the batch by a group id per sample (int64 [B], CPU), runs each group's function once on its
    /// sub-batch (null: leave those samples as they are) and puts the results back in the original order.
    /// The functions must keep the shape of each sample.
    /// </summary>
    public static Tensor Route(Tensor x, Tensor groups, IReadOnlyList<Func<Tensor, Tensor>?> fns, string who)
    {
        var parts = new List<Tensor>();
        var rows = new List<Tensor>();
        for (var k = 0; k < fns.Count; k++)
        {
            var idx = groups.eq(k).nonzero().flatten();
            var n = idx.numel();
            if (n == 0) continue;
            var f = fns[k];
            if (n == x.size(0)) return f is null ? x : Checked(f(x), x, who);
            var sub = x.index_select(0, idx.to(x.device));
            parts.Add(f is null ? sub : Checked(f(sub), sub, who));
            rows.Add(idx);
        }
        // parts hold the samples grouped; the inverse of the grouping order restores the batch order.
        var back = torch.cat(rows, 0).argsort();
        return torch.cat(parts, 0).index_select(0, back.to(x.device));
    }

    static Tensor Checked(Tensor y, Tensor x, string who)
    {
        if (!y.shape.Skip(1).SequenceEqual(x.shape.Skip(1)))
            throw new InvalidOperationException($"{who}: the inner transform turned samples of shape [{string.Join(", ", x.shape.Skip(1))}] " +
                                                $"into [{string.Join(", ", y.shape.Skip(1))}]; only shape-keeping transforms can run on a random subset.");
        return y.dtype == x.dtype ? y : y.to(x.dtype);
    }
}
