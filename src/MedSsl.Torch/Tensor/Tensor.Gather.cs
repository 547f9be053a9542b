using MedSsl.Torch.Native;

namespace MedSsl.Torch;

// Gather/scatter family (indexing.cpp): index tensors are int64, as in PyTorch.
public partial class Tensor
{
    public Tensor index_select(long dim, Tensor index) => Wrap(LibNative.mt_index_select(Handle, dim, index.Handle), this, index);
    /// <summary>out[i][j] = this[index[i][j]][j] for dim 0 (and likewise for other dims).</summary>
    public Tensor gather(long dim, Tensor index) => Wrap(LibNative.mt_gather(Handle, dim, index.Handle), this, index);
    /// <summary>Elements at flat (row-major) positions.</summary>
    public Tensor take(Tensor index) => Wrap(LibNative.mt_take(Handle, index.Handle), this, index);
    /// <summary>The elements where mask is true, as a 1-D tensor (mask broadcasts).</summary>
    public Tensor masked_select(Tensor mask) => Wrap(LibNative.mt_masked_select(Handle, mask.Handle), this, mask);
    /// <summary>Indices of non-zero elements, shape [count, ndim].</summary>
    public Tensor nonzero() => Wrap(LibNative.mt_nonzero(Handle), this);
    /// <summary>Fills the positions where mask is true with consecutive elements of source.</summary>
    public Tensor masked_scatter(Tensor mask, Tensor source) => Wrap(LibNative.mt_masked_scatter(Handle, mask.Handle, source.Handle), this, mask, source);

    /// <summary>A copy with this[index[i][j]][j] = src[i][j] for dim 0 (and likewise for other dims).</summary>
    public Tensor scatter(long dim, Tensor index, Tensor src) => Wrap(LibNative.mt_scatter_t(Handle, dim, index.Handle, src.Handle), this, index, src);
    public Tensor scatter(long dim, Tensor index, double value) => Wrap(LibNative.mt_scatter_s(Handle, dim, index.Handle, value), this, index);
    public Tensor scatter_(long dim, Tensor index, Tensor src)
    {
        Check(LibNative.mt_scatter_t_(Handle, dim, index.Handle, src.Handle), this, index, src);
        return this;
    }
    public Tensor scatter_(long dim, Tensor index, double value)
    {
        Check(LibNative.mt_scatter_s_(Handle, dim, index.Handle, value), this, index);
        return this;
    }
    /// <summary>Like scatter, but adds src into the positions (repeated indices accumulate).</summary>
    public Tensor scatter_add(long dim, Tensor index, Tensor src) => Wrap(LibNative.mt_scatter_add(Handle, dim, index.Handle, src.Handle), this, index, src);
    public Tensor scatter_add_(long dim, Tensor index, Tensor src)
    {
        Check(LibNative.mt_scatter_add_(Handle, dim, index.Handle, src.Handle), this, index, src);
        return this;
    }

    /// <summary>this.index_select(dim, index) += alpha * source, accumulating repeated indices.</summary>
    public Tensor index_add(long dim, Tensor index, Tensor source, double alpha = 1) =>
        Wrap(LibNative.mt_index_add(Handle, dim, index.Handle, source.Handle, alpha), this, index, source);
    public Tensor index_add_(long dim, Tensor index, Tensor source, double alpha = 1)
    {
        Check(LibNative.mt_index_add_(Handle, dim, index.Handle, source.Handle, alpha), this, index, source);
        return this;
    }
    public Tensor index_fill(long dim, Tensor index, double value) => Wrap(LibNative.mt_index_fill(Handle, dim, index.Handle, value), this, index);
    public Tensor index_fill_(long dim, Tensor index, double value)
    {
        Check(LibNative.mt_index_fill_(Handle, dim, index.Handle, value), this, index);
        return this;
    }
}
