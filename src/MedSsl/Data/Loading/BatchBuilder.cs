using MedSsl.Torch;

namespace MedSsl.Data.Loading;

/// <summary>Turns one <see cref="BatchPlan"/> into a <see cref="LoaderBatch"/>: load, transform, collate.
/// Everything random comes from the generator, reseeded from (seed, epoch, batch), so a batch's content
/// does not depend on which thread builds it.</summary>
internal sealed class BatchBuilder(IImageSource source, LoaderOptions options, int epoch, bool pin)
{
    public LoaderBatch Build(BatchPlan plan, Generator generator, CancellationToken token)
    {
        generator.manual_seed(SeedMix.ForBatch(options.Seed, epoch, plan.Index));
        using var batchScope = torch.NewDisposeScope();
        var outputs = Enumerable.Range(0, plan.Views).Select(_ => new Tensor[plan.Count]).ToArray();
        for (int i = 0; i < plan.Count; i++)
        {
            token.ThrowIfCancellationRequested();
            // One scope per element: the decoded image and the transform's temporaries go as soon as it is done.
            using var element = torch.NewDisposeScope();
            Tensor? image = null;
            for (int v = 0; v < plan.Views; v++)
            {
                int row = plan.Rows[v][i];
                if (v == 0 || row != plan.Rows[v - 1][i]) image = Load(row);  // a row read twice is decoded once
                outputs[v][i] = Transform(image!, row, generator).MoveToOuterDisposeScope();
            }
        }
        var views = new Tensor[plan.Views];
        for (int v = 0; v < plan.Views; v++) views[v] = Collate(outputs[v], plan.Rows[v]).DetachFromDisposeScope();
        return new LoaderBatch(plan.Index, views, plan.Keys, plan.Rows);
    }

    Tensor Load(int row)
    {
        try
        {
            return source.Load(row);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new ImageLoadException(row, Describe(row), "loading", e);
        }
    }

    Tensor Transform(Tensor image, int row, Generator generator)
    {
        if (options.Transform is null) return image.alias();
        try
        {
            var output = options.Transform(image, generator);
            // A transform may hand its input back; the batch needs a handle of its own.
            return ReferenceEquals(output, image) ? image.alias() : output;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new ImageLoadException(row, Describe(row), "the view transform", e);
        }
    }

    Tensor Collate(Tensor[] items, int[] rows)
    {
        var shape = items[0].shape;
        var dtype = items[0].dtype;
        for (int i = 1; i < items.Length; i++)
            if (items[i].dtype != dtype || !items[i].shape.SequenceEqual(shape))
                throw new InvalidOperationException(
                    $"The views of a batch must share shape and dtype: row {rows[0]} ({Describe(rows[0])}) gave " +
                    $"[{string.Join(", ", shape)}] {dtype} but row {rows[i]} ({Describe(rows[i])}) gave " +
                    $"[{string.Join(", ", items[i].shape)}] {items[i].dtype}. Give the decoder a size, or resize in the transform.");
        var batch = torch.stack(items);
        if (options.ToFloat && batch.dtype == ScalarType.Byte) batch = batch.to(ScalarType.Float32).div_(255);
        if (pin) batch = batch.pin_memory();
        return batch;
    }

    string Describe(int row)
    {
        try { return source.Describe(row); }
        catch (Exception e) { return $"row {row}, not describable: {e.Message}"; }
    }
}
