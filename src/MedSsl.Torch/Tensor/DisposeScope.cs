namespace MedSsl.Torch;

/// <summary>
/// Disposes every tensor created on this thread while it is the innermost scope (TorchSharp's
/// NewDisposeScope). One scope per training step keeps native memory flat without relying on the GC.
/// </summary>
public sealed class DisposeScope : IDisposable
{
    [ThreadStatic] static DisposeScope? current;

    readonly List<Tensor> tensors = new();
    bool disposed;

    internal DisposeScope()
    {
        Outer = current;
        current = this;
    }

    /// <summary>The innermost open scope of this thread, or null.</summary>
    public static DisposeScope? Current => current;

    /// <summary>The scope that was current when this one opened.</summary>
    public DisposeScope? Outer { get; }

    /// <summary>Tensors this scope will dispose.</summary>
    public int Count => tensors.Count(t => t.OwningScope == this && !t.IsDisposed);

    internal void Add(Tensor t)
    {
        if (disposed) throw new ObjectDisposedException(nameof(DisposeScope), "This dispose scope was already disposed.");
        tensors.Add(t);
        t.OwningScope = this;
    }

    /// <summary>Disposes every tensor of the scope now; the scope stays open.</summary>
    public void DisposeEverything() => DisposeEverythingBut();

    /// <summary>Disposes every tensor of the scope but <paramref name="keep"/>.</summary>
    public void DisposeEverythingBut(params Tensor[] keep)
    {
        var kept = new List<Tensor>();
        foreach (var t in tensors)
        {
            if (t.OwningScope != this) continue;
            if (Array.IndexOf(keep, t) >= 0) kept.Add(t);
            else t.Dispose();
        }
        tensors.Clear();
        tensors.AddRange(kept);
    }

    public void Dispose()
    {
        if (disposed) return;
        DisposeEverything();
        disposed = true;
        if (current == this) current = Outer;
    }
}
