using MedSsl.Torch.Native;

namespace MedSsl.Torch;

// Ordering, selection, counting, triangular/diagonal parts (select.cpp).
public partial class Tensor
{
    /// <summary>Sorted values and their original indices along dim; stable keeps ties in input order.</summary>
    public (Tensor values, Tensor indices) sort(long dim = -1, bool descending = false, bool stable = false)
    {
        Check(LibNative.mt_sort(Handle, dim, descending ? 1 : 0, stable ? 1 : 0, out var v, out var i), this);
        return (Adopt(v), Adopt(i));
    }
    public Tensor argsort(long dim = -1, bool descending = false, bool stable = false) =>
        Wrap(LibNative.mt_argsort(Handle, dim, descending ? 1 : 0, stable ? 1 : 0), this);

    /// <summary>The k largest (or smallest) elements along dim and their indices.</summary>
    public (Tensor values, Tensor indices) topk(long k, long dim = -1, bool largest = true, bool sorted = true)
    {
        Check(LibNative.mt_topk(Handle, k, dim, largest ? 1 : 0, sorted ? 1 : 0, out var v, out var i), this);
        return (Adopt(v), Adopt(i));
    }
    /// <summary>The k-th smallest element (1-based) along dim and its index.</summary>
    public (Tensor values, Tensor indices) kthvalue(long k, long dim = -1, bool keepdim = false)
    {
        Check(LibNative.mt_kthvalue(Handle, k, dim, keepdim ? 1 : 0, out var v, out var i), this);
        return (Adopt(v), Adopt(i));
    }
    /// <summary>Lower median of all elements (PyTorch does not average the two middle ones).</summary>
    public Tensor median() => Wrap(LibNative.mt_median(Handle), this);
    public (Tensor values, Tensor indices) median(long dim, bool keepdim = false)
    {
        Check(LibNative.mt_median_dim(Handle, dim, keepdim ? 1 : 0, out var v, out var i), this);
        return (Adopt(v), Adopt(i));
    }

    /// <summary>Unique elements (or slices along dim); inverse and counts are null unless asked for.</summary>
    public (Tensor values, Tensor? inverse, Tensor? counts) unique(bool sorted = true, bool return_inverse = false,
                                                                   bool return_counts = false, long? dim = null)
    {
        Check(LibNative.mt_unique(Handle, sorted ? 1 : 0, dim is null ? 0 : 1, dim ?? 0, out var v, out var inv, out var c), this);
        var values = Adopt(v);
        var inverse = Adopt(inv);
        var counts = Adopt(c);
        if (!return_inverse) { inverse.Dispose(); inverse = null; }
        if (!return_counts) { counts.Dispose(); counts = null; }
        return (values, inverse, counts);
    }

    /// <summary>Counts of each non-negative integer value (optionally weighted), at least minlength bins.</summary>
    public Tensor bincount(Tensor? weights = null, long minlength = 0) =>
        Wrap(LibNative.mt_bincount(Handle, weights?.Handle ?? TensorHandle.Null, minlength), this, weights);

    public Tensor tril(long diagonal = 0) => Wrap(LibNative.mt_tril(Handle, diagonal), this);
    public Tensor triu(long diagonal = 0) => Wrap(LibNative.mt_triu(Handle, diagonal), this);
    public Tensor tril_(long diagonal = 0) { Check(LibNative.mt_tril_(Handle, diagonal), this); return this; }
    public Tensor triu_(long diagonal = 0) { Check(LibNative.mt_triu_(Handle, diagonal), this); return this; }
    /// <summary>1-D input: a matrix with it on a diagonal; 2-D input: that diagonal as 1-D.</summary>
    public Tensor diag(long diagonal = 0) => Wrap(LibNative.mt_diag(Handle, diagonal), this);
    /// <summary>A view of the diagonal over dims dim1, dim2 (appended as the last dim).</summary>
    public Tensor diagonal(long offset = 0, long dim1 = 0, long dim2 = 1) => Wrap(LibNative.mt_diagonal(Handle, offset, dim1, dim2), this);
    public Tensor diag_embed(long offset = 0, long dim1 = -2, long dim2 = -1) => Wrap(LibNative.mt_diag_embed(Handle, offset, dim1, dim2), this);
    public Tensor trace() => Wrap(LibNative.mt_trace(Handle), this);

    /// <summary>this where condition is true, other elsewhere (PyTorch's x.where(cond, y)).</summary>
    public Tensor where(Tensor condition, Tensor other) => Wrap(LibNative.mt_where(condition.Handle, Handle, other.Handle), condition, this, other);
    public Tensor where(Tensor condition, double other) => Wrap(LibNative.mt_where_s(condition.Handle, Handle, other), condition, this);

    /// <summary>Alias of clamp, as in PyTorch.</summary>
    public Tensor clip(double? min = null, double? max = null) => clamp(min, max);
    public Tensor clip_(double? min = null, double? max = null) => clamp_(min, max);
}
