using MedSsl.Torch.Native;

namespace MedSsl.Torch;

// Ops that return several tensors (split.cpp). The pieces are views of this tensor.
public unsafe partial class Tensor
{
    /// <summary>Pieces of split_size along dim (the last may be smaller).</summary>
    public Tensor[] split(long split_size, long dim = 0) =>
        AdoptList(LibNative.mt_split(Handle, split_size, dim, out var p), p, this);

    /// <summary>Pieces with the given sizes along dim (they must add up to the dim's size).</summary>
    public Tensor[] split(long[] split_sizes, long dim = 0)
    {
        fixed (long* s = split_sizes)
            return AdoptList(LibNative.mt_split_with_sizes(Handle, s, split_sizes.Length, dim, out var p), p, this);
    }

    /// <summary>At most chunks pieces of equal size along dim (the last may be smaller).</summary>
    public Tensor[] chunk(long chunks, long dim = 0) =>
        AdoptList(LibNative.mt_chunk(Handle, chunks, dim, out var p), p, this);

    /// <summary>Exactly sections pieces along dim, sizes differing by at most one.</summary>
    public Tensor[] tensor_split(long sections, long dim = 0) =>
        AdoptList(LibNative.mt_tensor_split(Handle, sections, dim, out var p), p, this);

    /// <summary>The slices along dim, each without that dim.</summary>
    public Tensor[] unbind(long dim = 0) =>
        AdoptList(LibNative.mt_unbind(Handle, dim, out var p), p, this);

    /// <summary>Takes ownership of a list of handles from the shim (count &lt; 0: the call failed).</summary>
    internal static Tensor[] AdoptList(int count, IntPtr* handles, Tensor? input = null,
                                       [System.Runtime.CompilerServices.CallerMemberName] string op = "")
    {
        if (count < 0) throw TorchException.FromNative(op, input);
        try
        {
            var result = new Tensor[count];
            for (int i = 0; i < count; i++) result[i] = Adopt(handles[i]);
            return result;
        }
        finally
        {
            LibNative.mt_free_array((IntPtr)handles);
        }
    }
}

public static unsafe partial class torch
{
    /// <summary>where(condition) with one argument: the indices of the true elements, one tensor per dim.</summary>
    public static Tensor[] where(Tensor condition) =>
        Tensor.AdoptList(LibNative.mt_where_cond(condition.Handle, out var p), p, condition);

    /// <summary>Coordinate grids; indexing "ij" (matrix, PyTorch's default) or "xy" (Cartesian).</summary>
    public static Tensor[] meshgrid(IReadOnlyList<Tensor> tensors, string indexing = "ij") =>
        Tensor.WithHandles(tensors, (t, n) => Tensor.AdoptList(LibNative.mt_meshgrid((IntPtr*)t, n, indexing, out var p), p));
}
