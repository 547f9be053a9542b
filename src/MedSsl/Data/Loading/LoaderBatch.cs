using MedSsl.Torch;

namespace MedSsl.Data.Loading;

/// <summary>
/// One collated batch: a [B, ...] tensor per view, plus the keys and rows of its elements. The batch owns
/// its tensors; by default the loader disposes it when the next batch is taken (clone what you keep).
/// </summary>
public sealed class LoaderBatch : IDisposable
{
    internal LoaderBatch(int index, Tensor[] views, int[] keys, int[][] rows)
    {
        Index = index;
        Views = views;
        Keys = keys;
        Rows = rows;
    }

    /// <summary>Position of the batch in its epoch.</summary>
    public int Index { get; }

    /// <summary>One tensor per view, [B, ...] (uint8 images [B, C, H, W] without a transform).</summary>
    public Tensor[] Views { get; }

    /// <summary>The first (for supervised batches, the only) view.</summary>
    public Tensor Images => Views[0];

    /// <summary>Per element: its row (supervised, two-view) or its case id (multi-instance).</summary>
    public int[] Keys { get; }

    /// <summary>Rows[v][i]: the row element i read for view v.</summary>
    public int[][] Rows { get; }

    public int Count => Keys.Length;

    public void Dispose()
    {
        foreach (var v in Views) v.Dispose();
    }
}
