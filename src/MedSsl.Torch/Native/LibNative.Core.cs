using System.Runtime.InteropServices;

namespace MedSsl.Torch.Native;

// P/Invoke declarations, one file per area of the shim (core.cpp, runtime.cpp).
internal static unsafe partial class LibNative
{
    const string L = NativeLoader.Library;

    [LibraryImport(L)] internal static partial IntPtr mt_last_error();
    [LibraryImport(L)] internal static partial void mt_free(IntPtr t);
    [LibraryImport(L)] internal static partial void mt_free_array(IntPtr arr);
    [LibraryImport(L)] internal static partial void mt_free_string(IntPtr s);

    [LibraryImport(L)] internal static partial int mt_dim(TensorHandle t);
    [LibraryImport(L)] internal static partial int mt_sizes(TensorHandle t, long* out_, int capacity);
    [LibraryImport(L)] internal static partial int mt_strides(TensorHandle t, long* out_, int capacity);
    [LibraryImport(L)] internal static partial long mt_numel(TensorHandle t);
    [LibraryImport(L)] internal static partial int mt_dtype(TensorHandle t);
    [LibraryImport(L)] internal static partial int mt_device_type(TensorHandle t);
    [LibraryImport(L)] internal static partial int mt_device_index(TensorHandle t);
    [LibraryImport(L)] internal static partial int mt_is_contiguous(TensorHandle t, int memoryFormat);
    [LibraryImport(L)] internal static partial int mt_element_size(int dtype);
    [LibraryImport(L)] internal static partial int mt_copy_to(TensorHandle t, void* dst, long nbytes);
    [LibraryImport(L)] internal static partial TensorHandle mt_from_data(void* src, long* shape, int ndim, int dtype);
    [LibraryImport(L)] internal static partial IntPtr mt_data_ptr(TensorHandle t);
    [LibraryImport(L)] internal static partial double mt_item_double(TensorHandle t, out int ok);
    [LibraryImport(L)] internal static partial long mt_item_long(TensorHandle t, out int ok);
    [LibraryImport(L)] internal static partial TensorHandle mt_alias(TensorHandle t);
    [LibraryImport(L)] internal static partial int mt_same_storage(TensorHandle a, TensorHandle b);
    [LibraryImport(L)] internal static partial IntPtr mt_to_string(TensorHandle t);

    [LibraryImport(L)] internal static partial int mt_get_num_threads();
    [LibraryImport(L)] internal static partial int mt_set_num_threads(int n);
    [LibraryImport(L)] internal static partial int mt_set_num_interop_threads(int n);
    [LibraryImport(L)] internal static partial int mt_tune_allocator(long mmapThreshold, long trimThreshold);
    [LibraryImport(L)] internal static partial int mt_set_num_threads_this_thread(int n);
    [LibraryImport(L)] internal static partial int mt_manual_seed(ulong seed);
    [LibraryImport(L)] internal static partial int mt_cuda_is_available();
    [LibraryImport(L)] internal static partial int mt_cuda_device_count();
    [LibraryImport(L)] internal static partial int mt_cuda_synchronize();
    [LibraryImport(L)] internal static partial int mt_is_grad_enabled();
    [LibraryImport(L)] internal static partial void mt_set_grad_enabled(int enabled);
    [LibraryImport(L)] internal static partial IntPtr mt_version();
    [LibraryImport(L)] internal static partial IntPtr mt_build_config();
    [LibraryImport(L)] internal static partial IntPtr mt_parallel_info();

    /// <summary>Reads and frees a malloc'd native string.</summary>
    internal static string TakeString(IntPtr s)
    {
        if (s == IntPtr.Zero) return "";
        try { return Marshal.PtrToStringUTF8(s) ?? ""; }
        finally { mt_free_string(s); }
    }

    internal static string LastError() => Marshal.PtrToStringUTF8(mt_last_error()) ?? "";
}
