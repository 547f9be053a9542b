using System.Runtime.InteropServices;

namespace MedSsl.Torch.Native;

// shape.cpp and reduce.cpp
internal static unsafe partial class LibNative
{
    [LibraryImport(L)] internal static partial TensorHandle mt_view(TensorHandle a, long* shape, int n);
    [LibraryImport(L)] internal static partial TensorHandle mt_reshape(TensorHandle a, long* shape, int n);
    [LibraryImport(L)] internal static partial TensorHandle mt_permute(TensorHandle a, long* dims, int n);
    [LibraryImport(L)] internal static partial TensorHandle mt_expand(TensorHandle a, long* shape, int n);
    [LibraryImport(L)] internal static partial TensorHandle mt_repeat(TensorHandle a, long* reps, int n);
    [LibraryImport(L)] internal static partial TensorHandle mt_transpose(TensorHandle a, long d0, long d1);
    [LibraryImport(L)] internal static partial TensorHandle mt_t(TensorHandle a);
    [LibraryImport(L)] internal static partial TensorHandle mt_squeeze(TensorHandle a);
    [LibraryImport(L)] internal static partial TensorHandle mt_squeeze_dim(TensorHandle a, long d);
    [LibraryImport(L)] internal static partial TensorHandle mt_unsqueeze(TensorHandle a, long d);
    [LibraryImport(L)] internal static partial TensorHandle mt_flatten(TensorHandle a, long start, long end);
    [LibraryImport(L)] internal static partial TensorHandle mt_unflatten(TensorHandle a, long dim, long* sizes, int n);
    [LibraryImport(L)] internal static partial TensorHandle mt_narrow(TensorHandle a, long dim, long start, long length);
    [LibraryImport(L)] internal static partial TensorHandle mt_select(TensorHandle a, long dim, long index);
    [LibraryImport(L)] internal static partial TensorHandle mt_slice(TensorHandle a, long dim, long start, long end, long step);
    [LibraryImport(L)] internal static partial TensorHandle mt_as_strided(TensorHandle a, long* size, long* stride, int n, long offset);
    [LibraryImport(L)] internal static partial TensorHandle mt_flip(TensorHandle a, long* dims, int n);
    [LibraryImport(L)] internal static partial TensorHandle mt_roll(TensorHandle a, long* shifts, long* dims, int n);
    [LibraryImport(L)] internal static partial TensorHandle mt_cat(IntPtr* ts, int n, long dim);
    [LibraryImport(L)] internal static partial TensorHandle mt_stack(IntPtr* ts, int n, long dim);

    [LibraryImport(L)] internal static partial TensorHandle mt_sum(TensorHandle a, long* d, int n, int keepdim, int dtype);
    [LibraryImport(L)] internal static partial TensorHandle mt_mean(TensorHandle a, long* d, int n, int keepdim);
    [LibraryImport(L)] internal static partial TensorHandle mt_prod(TensorHandle a);
    [LibraryImport(L)] internal static partial TensorHandle mt_prod_dim(TensorHandle a, long d, int keepdim);
    [LibraryImport(L)] internal static partial TensorHandle mt_var(TensorHandle a, long* d, int n, long correction, int keepdim);
    [LibraryImport(L)] internal static partial TensorHandle mt_std(TensorHandle a, long* d, int n, long correction, int keepdim);
    [LibraryImport(L)] internal static partial TensorHandle mt_norm(TensorHandle a, double p, long* d, int n, int keepdim);
    [LibraryImport(L)] internal static partial TensorHandle mt_amax(TensorHandle a, long* d, int n, int keepdim);
    [LibraryImport(L)] internal static partial TensorHandle mt_amin(TensorHandle a, long* d, int n, int keepdim);
    [LibraryImport(L)] internal static partial TensorHandle mt_max_all(TensorHandle a);
    [LibraryImport(L)] internal static partial TensorHandle mt_min_all(TensorHandle a);
    [LibraryImport(L)] internal static partial int mt_max_dim(TensorHandle a, long d, int keepdim, out IntPtr values, out IntPtr indices);
    [LibraryImport(L)] internal static partial int mt_min_dim(TensorHandle a, long d, int keepdim, out IntPtr values, out IntPtr indices);
    [LibraryImport(L)] internal static partial TensorHandle mt_argmax(TensorHandle a, long d, int hasDim, int keepdim);
    [LibraryImport(L)] internal static partial TensorHandle mt_argmin(TensorHandle a, long d, int hasDim, int keepdim);
    [LibraryImport(L)] internal static partial TensorHandle mt_any(TensorHandle a);
    [LibraryImport(L)] internal static partial TensorHandle mt_all(TensorHandle a);
    [LibraryImport(L)] internal static partial TensorHandle mt_any_dim(TensorHandle a, long d, int keepdim);
    [LibraryImport(L)] internal static partial TensorHandle mt_all_dim(TensorHandle a, long d, int keepdim);
    [LibraryImport(L)] internal static partial TensorHandle mt_cumsum(TensorHandle a, long d);
    [LibraryImport(L)] internal static partial TensorHandle mt_cumprod(TensorHandle a, long d);
    [LibraryImport(L)] internal static partial TensorHandle mt_softmax(TensorHandle a, long d);
    [LibraryImport(L)] internal static partial TensorHandle mt_log_softmax(TensorHandle a, long d);
    [LibraryImport(L)] internal static partial TensorHandle mt_logsumexp(TensorHandle a, long* d, int n, int keepdim);
}
