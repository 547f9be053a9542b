using MedSsl.Torch;

namespace MedSsl.Transforms;

/// <summary>
/// Applies every transform once, in an order drawn per sample (SimCLR's colour jitter with
/// <c>random_order=True</c>; torchvision's RandomOrder draws one order per call). At step k the samples are grouped
/// by the transform their order puts there, so each transform runs once per step on its group.
/// The transforms must keep shapes.
/// </summary>
public sealed class RandomOrder : Transform
{
    public IReadOnlyList<ITransform> Transforms { get; }

    public RandomOrder(params ITransform[] transforms)
    {
        ArgumentNullException.ThrowIfNull(transforms);
        if (transforms.Length == 0 || transforms.Any(t => t is null))
            throw new ArgumentException("RandomOrder: give at least one transform and no nulls.");
        Transforms = transforms.ToArray();
    }

    protected override Tensor Forward(Tensor x, Generator g)
    {
        var n = Transforms.Count;
        var b = x.size(0);
        // argsort of i.i.d. uniforms: a uniformly random permutation per row.
        var order = torch.rand(new[] { b, (long)n }, torch.float64, generator: g).argsort(1);
        var steps = Transforms.Select(t => (Func<Tensor, Tensor>?)(sub => t.Apply(sub, g))).ToArray();
        var current = x;
        for (var step = 0; step < n; step++)
        {
            // Each step frees its sub-batches at once; only the reassembled batch moves on.
            var column = order.select(1, step);
            var next = torch.WrappedTensorDisposeScope(() => PerSample.Route(current, column, steps, Name));
            if (!ReferenceEquals(current, x)) current.Dispose();
            current = next;
        }
        return current;
    }

    public override string ToString() =>
        "RandomOrder(" + string.Join(", ", Transforms.Select(t => t.ToString())) + ")";
}
