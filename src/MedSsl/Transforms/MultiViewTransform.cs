using MedSsl.Torch;

namespace MedSsl.Transforms;

/// <summary>
/// Several views of one batch, each from its own pipeline (lightly's MultiViewTransform). SimCLR's positive
/// pairs are <see cref="TwoViews"/> of a preset: the same recipe applied twice, independently. For MICLe, apply
/// the view pipelines to the two different images of each case instead (one batch per side).
/// </summary>
public sealed class MultiViewTransform
{
    public IReadOnlyList<ITransform> Views { get; }

    public MultiViewTransform(params ITransform[] views)
    {
        ArgumentNullException.ThrowIfNull(views);
        if (views.Length == 0 || views.Any(v => v is null))
            throw new ArgumentException("MultiViewTransform: give at least one view pipeline and no nulls.");
        Views = views.ToArray();
    }

    /// <summary>Two independent applications of one pipeline (SimCLR §2.1: t, t′ ~ T).</summary>
    public static MultiViewTransform TwoViews(ITransform view) => new(view, view);

    /// <summary>One tensor per view, in order; draws continue along <paramref name="g"/> from view to view.</summary>
    public Tensor[] Apply(Tensor batch, Generator g) => Views.Select(v => v.Apply(batch, g)).ToArray();

    /// <summary>Each view pipeline applied to its own batch (e.g. the two images of each MICLe case).</summary>
    public Tensor[] Apply(IReadOnlyList<Tensor> batches, Generator g)
    {
        if (batches.Count != Views.Count)
            throw new ArgumentException($"MultiViewTransform: {Views.Count} view pipelines but {batches.Count} batches.");
        return Views.Select((v, i) => v.Apply(batches[i], g)).ToArray();
    }
}
