using System.Runtime.CompilerServices;
using MedSsl.Torch.Native;

namespace MedSsl.Torch;

/// <summary>
/// A libtorch tensor. Every op returns a new Tensor that belongs to the innermost
/// <see cref="DisposeScope"/> (if any); dispose it, or let the scope do it.
/// The op families live in the Tensor.*.cs files beside this one.
/// </summary>
public partial class Tensor : IDisposable
{
    readonly TensorHandle handle;

    internal protected Tensor(TensorHandle handle)
    {
        this.handle = handle;
        handle.OnWrapped();
        DisposeScope.Current?.Add(this);
    }

    /// <summary>The scope that will dispose this tensor, or null.</summary>
    public DisposeScope? OwningScope { get; internal set; }

    public bool IsDisposed => handle.IsClosed;

    internal TensorHandle Handle => handle.IsClosed
        ? throw new ObjectDisposedException("Tensor", "This tensor was disposed (by Dispose or its DisposeScope) and can no longer be used.")
        : handle;

    /// <summary>Native tensors alive in the process: a leak alarm for loops.</summary>
    public static long LiveCount => TensorHandle.LiveCount;

    public void Dispose()
    {
        handle.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Hands the tensor to the scope outside its current one (to return it from a scoped block).</summary>
    public Tensor MoveToOuterDisposeScope()
    {
        var outer = OwningScope?.Outer;
        OwningScope = null;
        outer?.Add(this);
        return this;
    }

    /// <summary>Takes the tensor out of every scope: the caller owns it.</summary>
    public Tensor DetachFromDisposeScope()
    {
        OwningScope = null;
        return this;
    }

    // ---- checks shared by every op wrapper ----

    /// <summary>Wraps a tensor returned by the shim, or throws the shim's error naming the op and inputs.</summary>
    internal static Tensor Wrap(TensorHandle h, Tensor? a = null, Tensor? b = null, Tensor? c = null,
                                [CallerMemberName] string op = "")
    {
        if (h.IsInvalid) throw TorchException.FromNative(op, a, b, c);
        return new Tensor(h);
    }

    /// <summary>Throws the shim's error when a status-returning call failed.</summary>
    internal static void Check(int status, Tensor? a = null, Tensor? b = null, Tensor? c = null,
                               [CallerMemberName] string op = "")
    {
        if (status != 0) throw TorchException.FromNative(op, a, b, c);
    }

    /// <summary>"[2, 3] float32 cpu", or "a disposed tensor": used in error messages.</summary>
    internal string Describe() => handle.IsClosed
        ? "a disposed tensor"
        : $"[{string.Join(", ", shape)}] {dtype.Name()}{(device.type == DeviceType.CPU ? "" : " " + device)}";

    public override string ToString() => ToString(maxElements: 64);

    /// <summary>Shape, dtype and device; the values too when there are at most maxElements.</summary>
    public string ToString(int maxElements)
    {
        if (handle.IsClosed) return "tensor(disposed)";
        var head = $"tensor({{{string.Join(", ", shape)}}}, {dtype.Name()}, {device})";
        if (numel() > maxElements) return head;
        return head + Environment.NewLine + LibNative.TakeString(LibNative.mt_to_string(Handle));
    }
}
