using MedSsl.Torch.Native;

namespace MedSsl.Torch;

/// <summary>
/// The entry point, named like PyTorch: <c>torch.randn(2, 3)</c>, <c>torch.no_grad()</c>, <c>torch.nn.Linear</c>.
/// <c>using static MedSsl.Torch.torch;</c> brings the names in unqualified. Areas live in torch.*.cs files.
/// </summary>
public static partial class torch
{
    public const ScalarType uint8 = ScalarType.Byte;
    public const ScalarType int8 = ScalarType.Int8;
    public const ScalarType int16 = ScalarType.Int16;
    public const ScalarType int32 = ScalarType.Int32;
    public const ScalarType int64 = ScalarType.Int64;
    public const ScalarType float16 = ScalarType.Float16;
    public const ScalarType bfloat16 = ScalarType.BFloat16;
    public const ScalarType float32 = ScalarType.Float32;
    public const ScalarType float64 = ScalarType.Float64;
    public const ScalarType @bool = ScalarType.Bool;
    public const ScalarType @float = ScalarType.Float32;
    public const ScalarType @double = ScalarType.Float64;
    public const ScalarType @long = ScalarType.Int64;

    public static readonly Device CPU = new(DeviceType.CPU);
    public static readonly Device CUDA = new(DeviceType.CUDA, 0);
    public static Device device(string spec) => Device.Parse(spec);

    public const MemoryFormat channels_last = MemoryFormat.ChannelsLast;
    public const MemoryFormat contiguous_format = MemoryFormat.Contiguous;

    /// <summary>The dtype new floating-point tensors get when none is given.</summary>
    public static ScalarType default_dtype { get; set; } = ScalarType.Float32;

    static torch() => Runtime.EnsureInitialised();

    /// <summary>Seeds the global CPU (and CUDA) generators.</summary>
    public static void manual_seed(long seed) => Tensor.Check(LibNative.mt_manual_seed(unchecked((ulong)seed)));

    /// <summary>Version of the libtorch the shim was built against.</summary>
    public static string __version__ => System.Runtime.InteropServices.Marshal.PtrToStringUTF8(LibNative.mt_version()) ?? "";

    public static int get_num_threads() => LibNative.mt_get_num_threads();
    public static void set_num_threads(int n) => Tensor.Check(LibNative.mt_set_num_threads(n), op: "set_num_threads");

    /// <summary>Intra-op threads for ops run by the calling thread only (OpenMP builds; a no-op with libtorch's
    /// native pool). Data-loader workers use 1, as PyTorch's DataLoader workers do, so N workers do not
    /// each start a team of every core.</summary>
    public static void set_num_threads_this_thread(int n) =>
        Tensor.Check(LibNative.mt_set_num_threads_this_thread(n), op: "set_num_threads_this_thread");

    /// <summary>Tensors alive in the process (leak alarm).</summary>
    public static long live_tensors => Tensor.LiveCount;

    /// <summary>Opens a scope that disposes every tensor created on this thread until it is disposed.</summary>
    public static DisposeScope NewDisposeScope() => new();

    /// <summary>Runs f in a scope and returns its result, moved out of the scope.</summary>
    public static Tensor WrappedTensorDisposeScope(Func<Tensor> f)
    {
        using var scope = NewDisposeScope();
        return f().MoveToOuterDisposeScope();
    }

    public static class cuda
    {
        public static bool is_available() => LibNative.mt_cuda_is_available() != 0;
        public static int device_count() => LibNative.mt_cuda_device_count();
        public static void synchronize() => Tensor.Check(LibNative.mt_cuda_synchronize(), op: "cuda.synchronize");
        public static void manual_seed_all(long seed) => manual_seed(seed);
    }

    public static class backends
    {
        /// <summary>Build configuration of libtorch: BLAS, OpenMP, oneDNN, CUDA.</summary>
        public static string config() => LibNative.TakeString(LibNative.mt_build_config());
        /// <summary>Threading facts: OpenMP/intra-op threads, MKL/oneDNN threads.</summary>
        public static string parallel_info() => LibNative.TakeString(LibNative.mt_parallel_info());
        /// <summary>Path of the native shim this process loaded.</summary>
        public static string native_library => NativeLoader.LoadedFrom;
    }
}
