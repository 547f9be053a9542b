using System.Runtime.InteropServices;

namespace MedSsl.Torch.Native;

// indexing.cpp, select.cpp and split.cpp
internal static unsafe partial class LibNative
{
    // ---- x[...] get/set; ts holds raw tensor handles (IntPtr.Zero where the index is not a tensor) ----
    [LibraryImport(L)] internal static partial TensorHandle mt_index(TensorHandle a, int* kinds, long* ints, IntPtr* ts, int n);
    [LibraryImport(L)] internal static partial int mt_index_put_t_(TensorHandle a, int* kinds, long* ints, IntPtr* ts, int n, TensorHandle v);
    [LibraryImport(L)] internal static partial int mt_index_put_s_(TensorHandle a, int* kinds, long* ints, IntPtr* ts, int n, double v);
    [LibraryImport(L)] internal static partial int mt_index_put_list_(TensorHandle a, IntPtr* ts, int n, TensorHandle values, int accumulate);

    // ---- gather/scatter family ----
    [LibraryImport(L)] internal static partial TensorHandle mt_index_select(TensorHandle a, long dim, TensorHandle index);
    [LibraryImport(L)] internal static partial TensorHandle mt_gather(TensorHandle a, long dim, TensorHandle index);
    [LibraryImport(L)] internal static partial TensorHandle mt_take(TensorHandle a, TensorHandle index);
    [LibraryImport(L)] internal static partial TensorHandle mt_masked_select(TensorHandle a, TensorHandle mask);
    [LibraryImport(L)] internal static partial TensorHandle mt_nonzero(TensorHandle a);
    [LibraryImport(L)] internal static partial TensorHandle mt_scatter_t(TensorHandle a, long dim, TensorHandle index, TensorHandle src);
    [LibraryImport(L)] internal static partial TensorHandle mt_scatter_s(TensorHandle a, long dim, TensorHandle index, double value);
    [LibraryImport(L)] internal static partial int mt_scatter_t_(TensorHandle a, long dim, TensorHandle index, TensorHandle src);
    [LibraryImport(L)] internal static partial int mt_scatter_s_(TensorHandle a, long dim, TensorHandle index, double value);
    [LibraryImport(L)] internal static partial TensorHandle mt_scatter_add(TensorHandle a, long dim, TensorHandle index, TensorHandle src);
    [LibraryImport(L)] internal static partial int mt_scatter_add_(TensorHandle a, long dim, TensorHandle index, TensorHandle src);
    [LibraryImport(L)] internal static partial TensorHandle mt_index_add(TensorHandle a, long dim, TensorHandle index, TensorHandle src, double alpha);
    [LibraryImport(L)] internal static partial int mt_index_add_(TensorHandle a, long dim, TensorHandle index, TensorHandle src, double alpha);
    [LibraryImport(L)] internal static partial TensorHandle mt_index_fill(TensorHandle a, long dim, TensorHandle index, double value);
    [LibraryImport(L)] internal static partial int mt_index_fill_(TensorHandle a, long dim, TensorHandle index, double value);
    [LibraryImport(L)] internal static partial TensorHandle mt_masked_scatter(TensorHandle a, TensorHandle mask, TensorHandle src);

    // ---- ordering and selection ----
    [LibraryImport(L)] internal static partial int mt_sort(TensorHandle a, long dim, int descending, int stable, out IntPtr values, out IntPtr indices);
    [LibraryImport(L)] internal static partial TensorHandle mt_argsort(TensorHandle a, long dim, int descending, int stable);
    [LibraryImport(L)] internal static partial int mt_topk(TensorHandle a, long k, long dim, int largest, int sorted, out IntPtr values, out IntPtr indices);
    [LibraryImport(L)] internal static partial int mt_kthvalue(TensorHandle a, long k, long dim, int keepdim, out IntPtr values, out IntPtr indices);
    [LibraryImport(L)] internal static partial int mt_median_dim(TensorHandle a, long dim, int keepdim, out IntPtr values, out IntPtr indices);
    [LibraryImport(L)] internal static partial TensorHandle mt_median(TensorHandle a);
    [LibraryImport(L)] internal static partial int mt_unique(TensorHandle a, int sorted, int hasDim, long dim, out IntPtr values, out IntPtr inverse, out IntPtr counts);
    [LibraryImport(L)] internal static partial TensorHandle mt_bincount(TensorHandle a, TensorHandle weights, long minlength);
    [LibraryImport(L)] internal static partial TensorHandle mt_searchsorted(TensorHandle sortedSequence, TensorHandle values, int outInt32, int right);
    [LibraryImport(L)] internal static partial TensorHandle mt_bucketize(TensorHandle values, TensorHandle boundaries, int outInt32, int right);
    [LibraryImport(L)] internal static partial TensorHandle mt_tril(TensorHandle a, long diagonal);
    [LibraryImport(L)] internal static partial TensorHandle mt_triu(TensorHandle a, long diagonal);
    [LibraryImport(L)] internal static partial int mt_tril_(TensorHandle a, long diagonal);
    [LibraryImport(L)] internal static partial int mt_triu_(TensorHandle a, long diagonal);
    [LibraryImport(L)] internal static partial TensorHandle mt_diag(TensorHandle a, long diagonal);
    [LibraryImport(L)] internal static partial TensorHandle mt_diagonal(TensorHandle a, long offset, long dim1, long dim2);
    [LibraryImport(L)] internal static partial TensorHandle mt_diag_embed(TensorHandle a, long offset, long dim1, long dim2);
    [LibraryImport(L)] internal static partial TensorHandle mt_trace(TensorHandle a);

    // ---- list-returning: the count (-1 on error) and a malloc'd array freed with mt_free_array ----
    [LibraryImport(L)] internal static partial int mt_split(TensorHandle a, long size, long dim, out IntPtr* out_);
    [LibraryImport(L)] internal static partial int mt_split_with_sizes(TensorHandle a, long* sizes, int n, long dim, out IntPtr* out_);
    [LibraryImport(L)] internal static partial int mt_chunk(TensorHandle a, long chunks, long dim, out IntPtr* out_);
    [LibraryImport(L)] internal static partial int mt_tensor_split(TensorHandle a, long sections, long dim, out IntPtr* out_);
    [LibraryImport(L)] internal static partial int mt_unbind(TensorHandle a, long dim, out IntPtr* out_);
    [LibraryImport(L)] internal static partial int mt_where_cond(TensorHandle cond, out IntPtr* out_);
    [LibraryImport(L, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int mt_meshgrid(IntPtr* ts, int n, string indexing, out IntPtr* out_);
}
