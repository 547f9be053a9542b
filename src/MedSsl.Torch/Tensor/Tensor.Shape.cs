using MedSsl.Torch.Native;

namespace MedSsl.Torch;

// Views and re-arrangements (shape.cpp). Views share storage with this tensor.
public unsafe partial class Tensor
{
    delegate TensorHandle DimsOp(TensorHandle a, long* dims, int n);

    Tensor WithDims(DimsOp f, long[] dims, string op)
    {
        fixed (long* p = dims) return Wrap(f(Handle, p, dims.Length), this, op: op);
    }

    public Tensor view(params long[] shape) => WithDims(LibNative.mt_view, shape, nameof(view));
    public Tensor reshape(params long[] shape) => WithDims(LibNative.mt_reshape, shape, nameof(reshape));
    public Tensor permute(params long[] dims) => WithDims(LibNative.mt_permute, dims, nameof(permute));
    public Tensor expand(params long[] shape) => WithDims(LibNative.mt_expand, shape, nameof(expand));
    public Tensor expand_as(Tensor other) => expand(other.shape);
    public Tensor view_as(Tensor other) => view(other.shape);
    public Tensor repeat(params long[] repeats) => WithDims(LibNative.mt_repeat, repeats, nameof(repeat));
    public Tensor flip(params long[] dims) => WithDims(LibNative.mt_flip, dims, nameof(flip));

    public Tensor transpose(long dim0, long dim1) => Wrap(LibNative.mt_transpose(Handle, dim0, dim1), this);
    public Tensor t() => Wrap(LibNative.mt_t(Handle), this);
    /// <summary>Transposed matrix (PyTorch's .T for 2-D; reverses all dims otherwise).</summary>
    public Tensor T => dim() <= 2 ? t() : permute(Enumerable.Range(0, dim()).Reverse().Select(i => (long)i).ToArray());
    public Tensor squeeze() => Wrap(LibNative.mt_squeeze(Handle), this);
    public Tensor squeeze(long dim) => Wrap(LibNative.mt_squeeze_dim(Handle, dim), this);
    public Tensor unsqueeze(long dim) => Wrap(LibNative.mt_unsqueeze(Handle, dim), this);
    public Tensor flatten(long start_dim = 0, long end_dim = -1) => Wrap(LibNative.mt_flatten(Handle, start_dim, end_dim), this);
    public Tensor unflatten(long dim, params long[] sizes)
    {
        fixed (long* p = sizes) return Wrap(LibNative.mt_unflatten(Handle, dim, p, sizes.Length), this);
    }
    public Tensor narrow(long dim, long start, long length) => Wrap(LibNative.mt_narrow(Handle, dim, start, length), this);
    public Tensor select(long dim, long index) => Wrap(LibNative.mt_select(Handle, dim, index), this);
    /// <summary>Elements start..end (exclusive) with step along dim; end = long.MaxValue means to the end.</summary>
    public Tensor slice(long dim, long start, long end = long.MaxValue, long step = 1) =>
        Wrap(LibNative.mt_slice(Handle, dim, start, end, step), this);
    public Tensor as_strided(long[] size, long[] stride, long storage_offset = 0)
    {
        if (size.Length != stride.Length) throw new ArgumentException("as_strided: size and stride need the same length.");
        fixed (long* s = size) fixed (long* st = stride)
            return Wrap(LibNative.mt_as_strided(Handle, s, st, size.Length, storage_offset), this);
    }
    public Tensor roll(long[] shifts, long[] dims)
    {
        if (shifts.Length != dims.Length) throw new ArgumentException("roll: shifts and dims need the same length.");
        fixed (long* s = shifts) fixed (long* d = dims) return Wrap(LibNative.mt_roll(Handle, s, d, shifts.Length), this);
    }

    /// <summary>Runs f over the native handles of a tensor list, kept alive (ref-counted) for the call.</summary>
    internal static T WithHandles<T>(IReadOnlyList<Tensor> tensors, Func<IntPtr, int, T> f)
    {
        var refs = new bool[tensors.Count];
        var ptrs = new IntPtr[tensors.Count];
        try
        {
            for (int i = 0; i < tensors.Count; i++)
            {
                tensors[i].Handle.DangerousAddRef(ref refs[i]);
                ptrs[i] = tensors[i].Handle.DangerousGetHandle();
            }
            fixed (IntPtr* p = ptrs) return f((IntPtr)p, ptrs.Length);
        }
        finally
        {
            for (int i = 0; i < tensors.Count; i++)
                if (refs[i]) tensors[i].Handle.DangerousRelease();
        }
    }

    /// <summary>A tensor-list op: one new tensor, or an error naming the op and every input.</summary>
    internal static Tensor WithList(IReadOnlyList<Tensor> tensors, Func<IntPtr, int, TensorHandle> f, string op)
    {
        if (tensors.Count == 0) throw new ArgumentException($"{op} needs at least one tensor.");
        var h = WithHandles(tensors, f);
        if (h.IsInvalid)
        {
            var shapes = string.Join(", ", tensors.Select(t => t.Describe()));
            throw new TorchException(op, $"{op} failed on {shapes}: {LibNative.LastError()}");
        }
        return new Tensor(h);
    }
}

public static unsafe partial class torch
{
    public static Tensor cat(IReadOnlyList<Tensor> tensors, long dim = 0) =>
        Tensor.WithList(tensors, (p, n) => LibNative.mt_cat((IntPtr*)p, n, dim), nameof(cat));
    public static Tensor stack(IReadOnlyList<Tensor> tensors, long dim = 0) =>
        Tensor.WithList(tensors, (p, n) => LibNative.mt_stack((IntPtr*)p, n, dim), nameof(stack));
    public static Tensor einsum(string equation, params Tensor[] operands) =>
        Tensor.WithList(operands, (p, n) => LibNative.mt_einsum(equation, (IntPtr*)p, n), nameof(einsum));
}
