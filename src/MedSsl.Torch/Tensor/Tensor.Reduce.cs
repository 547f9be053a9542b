using MedSsl.Torch.Native;

namespace MedSsl.Torch;

// Reductions and softmax family (reduce.cpp). No dims = over all elements.
public unsafe partial class Tensor
{
    public Tensor sum(ScalarType? dtype = null)
    {
        fixed (long* p = Array.Empty<long>()) return Wrap(LibNative.mt_sum(Handle, p, 0, 0, dtype is null ? -1 : (int)dtype), this);
    }
    public Tensor sum(long dim, bool keepdim = false, ScalarType? dtype = null) => sum(new[] { dim }, keepdim, dtype);
    // Without an int overload the literal in x.sum(0) converts to ScalarType? and sums everything.
    public Tensor sum(int dim, bool keepdim = false, ScalarType? dtype = null) => sum(new long[] { dim }, keepdim, dtype);
    public Tensor sum(long[] dims, bool keepdim = false, ScalarType? dtype = null)
    {
        fixed (long* p = dims) return Wrap(LibNative.mt_sum(Handle, p, dims.Length, keepdim ? 1 : 0, dtype is null ? -1 : (int)dtype), this);
    }

    public Tensor mean() => mean(Array.Empty<long>());
    public Tensor mean(long dim, bool keepdim = false) => mean(new[] { dim }, keepdim);
    public Tensor mean(long[] dims, bool keepdim = false)
    {
        fixed (long* p = dims) return Wrap(LibNative.mt_mean(Handle, p, dims.Length, keepdim ? 1 : 0), this);
    }

    public Tensor prod() => Wrap(LibNative.mt_prod(Handle), this);
    public Tensor prod(long dim, bool keepdim = false) => Wrap(LibNative.mt_prod_dim(Handle, dim, keepdim ? 1 : 0), this);

    /// <summary>Variance; unbiased (Bessel, correction 1) by default as in PyTorch.</summary>
    public Tensor var(long[]? dims = null, bool unbiased = true, bool keepdim = false)
    {
        var d = dims ?? Array.Empty<long>();
        fixed (long* p = d) return Wrap(LibNative.mt_var(Handle, p, d.Length, unbiased ? 1 : 0, keepdim ? 1 : 0), this);
    }
    public Tensor var(long dim, bool unbiased = true, bool keepdim = false) => var(new[] { dim }, unbiased, keepdim);

    public Tensor std(long[]? dims = null, bool unbiased = true, bool keepdim = false)
    {
        var d = dims ?? Array.Empty<long>();
        fixed (long* p = d) return Wrap(LibNative.mt_std(Handle, p, d.Length, unbiased ? 1 : 0, keepdim ? 1 : 0), this);
    }
    public Tensor std(long dim, bool unbiased = true, bool keepdim = false) => std(new[] { dim }, unbiased, keepdim);

    /// <summary>p-norm over dims (all elements when dims is null).</summary>
    public Tensor norm(double p = 2, long[]? dims = null, bool keepdim = false)
    {
        var d = dims ?? Array.Empty<long>();
        fixed (long* q = d) return Wrap(LibNative.mt_norm(Handle, p, q, d.Length, keepdim ? 1 : 0), this);
    }
    public Tensor norm(double p, long dim, bool keepdim = false) => norm(p, new[] { dim }, keepdim);

    public Tensor amax(long[] dims, bool keepdim = false)
    {
        fixed (long* p = dims) return Wrap(LibNative.mt_amax(Handle, p, dims.Length, keepdim ? 1 : 0), this);
    }
    public Tensor amin(long[] dims, bool keepdim = false)
    {
        fixed (long* p = dims) return Wrap(LibNative.mt_amin(Handle, p, dims.Length, keepdim ? 1 : 0), this);
    }

    public Tensor max() => Wrap(LibNative.mt_max_all(Handle), this);
    public Tensor min() => Wrap(LibNative.mt_min_all(Handle), this);

    /// <summary>Max along dim: (values, indices).</summary>
    public (Tensor values, Tensor indices) max(long dim, bool keepdim = false)
    {
        Check(LibNative.mt_max_dim(Handle, dim, keepdim ? 1 : 0, out var v, out var i), this);
        return (Adopt(v), Adopt(i));
    }
    public (Tensor values, Tensor indices) min(long dim, bool keepdim = false)
    {
        Check(LibNative.mt_min_dim(Handle, dim, keepdim ? 1 : 0, out var v, out var i), this);
        return (Adopt(v), Adopt(i));
    }

    public Tensor argmax(long? dim = null, bool keepdim = false) =>
        Wrap(LibNative.mt_argmax(Handle, dim ?? 0, dim is null ? 0 : 1, keepdim ? 1 : 0), this);
    public Tensor argmin(long? dim = null, bool keepdim = false) =>
        Wrap(LibNative.mt_argmin(Handle, dim ?? 0, dim is null ? 0 : 1, keepdim ? 1 : 0), this);

    public Tensor any() => Wrap(LibNative.mt_any(Handle), this);
    public Tensor all() => Wrap(LibNative.mt_all(Handle), this);
    public Tensor any(long dim, bool keepdim = false) => Wrap(LibNative.mt_any_dim(Handle, dim, keepdim ? 1 : 0), this);
    public Tensor all(long dim, bool keepdim = false) => Wrap(LibNative.mt_all_dim(Handle, dim, keepdim ? 1 : 0), this);
    public Tensor cumsum(long dim) => Wrap(LibNative.mt_cumsum(Handle, dim), this);
    public Tensor cumprod(long dim) => Wrap(LibNative.mt_cumprod(Handle, dim), this);

    public Tensor softmax(long dim) => Wrap(LibNative.mt_softmax(Handle, dim), this);
    public Tensor log_softmax(long dim) => Wrap(LibNative.mt_log_softmax(Handle, dim), this);
    public Tensor logsumexp(long dim, bool keepdim = false) => logsumexp(new[] { dim }, keepdim);
    public Tensor logsumexp(long[] dims, bool keepdim = false)
    {
        fixed (long* p = dims) return Wrap(LibNative.mt_logsumexp(Handle, p, dims.Length, keepdim ? 1 : 0), this);
    }

    /// <summary>Takes ownership of a raw handle returned through an out-parameter.</summary>
    internal static Tensor Adopt(IntPtr raw)
    {
        var h = new TensorHandle();
        System.Runtime.InteropServices.Marshal.InitHandle(h, raw);
        return new Tensor(h);
    }
}
