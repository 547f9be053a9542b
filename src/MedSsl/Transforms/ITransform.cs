using MedSsl.Torch;

namespace MedSsl.Transforms;

/// <summary>
/// A batched augmentation. <see cref="Apply"/> takes float images in [0, 1] as [B, C, H, W] (or one image
/// [C, H, W], treated as B = 1), runs tensor ops on the device the batch lives on, draws every random decision
/// per sample from <paramref name="g"/> (so a seed reproduces a run), and returns a new tensor the caller owns.
/// Implementations keep only immutable settings, so one instance may serve several loader threads at once;
/// give each thread its own <see cref="Generator"/> for reproducible results.
/// </summary>
public interface ITransform
{
    Tensor Apply(Tensor batch, Generator g);
}

/// <summary>
/// The shared shell of every transform: checks the input, lifts [C, H, W] to a batch of one, runs
/// <see cref="Forward"/> in a dispose scope (intermediates are freed at once) and hands back the result.
/// </summary>
public abstract class Transform : ITransform
{
    /// <summary>The name used in error messages and in <see cref="Compose"/>'s listing.</summary>
    public virtual string Name => GetType().Name;

    /// <summary>Whether integer (uint8) batches are accepted; only <see cref="ToFloat"/> says yes.</summary>
    protected virtual bool AcceptsIntegers => false;

    public Tensor Apply(Tensor batch, Generator g)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(g);
        var single = batch.dim() == 3;
        if (!single && batch.dim() != 4)
            throw new ArgumentException($"{Name}: expected an image [C, H, W] or a batch [B, C, H, W], got {Describe(batch)}.");
        if (!AcceptsIntegers && !batch.is_floating_point())
            throw new ArgumentException($"{Name}: expected float images in [0, 1], got {Describe(batch)}; " +
                                        "convert uint8 once at the start of the pipeline with ToFloat().");
        using var scope = torch.NewDisposeScope();
        var x = single ? batch.unsqueeze(0) : batch;
        var y = x.size(0) == 0 ? x.clone() : Forward(x, g);
        if (single) y = y.squeeze(0);
        else if (ReferenceEquals(y, batch)) y = batch.alias();  // never hand the caller's own handle back
        return y.MoveToOuterDisposeScope();
    }

    /// <summary>The transform proper, on a non-empty batch [B, C, H, W]. Tensors it creates are disposed
    /// after it returns, except the result.</summary>
    protected abstract Tensor Forward(Tensor x, Generator g);

    public override string ToString() => Name;

    internal static string Describe(Tensor t) =>
        $"[{string.Join(", ", t.shape)}] {t.dtype.Name()}";

    /// <summary>Checks that the batch has one of the allowed channel counts.</summary>
    protected void RequireChannels(Tensor x, params long[] allowed)
    {
        if (Array.IndexOf(allowed, x.size(1)) < 0)
            throw new ArgumentException($"{Name}: expected {string.Join(" or ", allowed)} channels, got {Describe(x)}.");
    }
}
