using System.Runtime.InteropServices;

namespace MedSsl.Torch.Native;

// nn_conv.cpp, nn_norm.cpp, nn_act.cpp, nn_loss.cpp, nn_module.cpp: torch.nn and torch.nn.functional.
internal static unsafe partial class LibNative
{
    [LibraryImport(L)] internal static partial TensorHandle mt_nn_linear(TensorHandle input, TensorHandle weight, TensorHandle bias);
    [LibraryImport(L)] internal static partial TensorHandle mt_nn_conv2d(TensorHandle input, TensorHandle weight, TensorHandle bias,
        long* stride, long* padding, long* dilation, long groups);
    [LibraryImport(L)] internal static partial TensorHandle mt_nn_conv2d_padmode(TensorHandle input, TensorHandle weight, TensorHandle bias,
        long* stride, [MarshalAs(UnmanagedType.LPUTF8Str)] string padding, long* dilation, long groups);
    [LibraryImport(L)] internal static partial TensorHandle mt_nn_max_pool2d(TensorHandle input, long* kernel, long* stride, int nStride,
        long* padding, long* dilation, int ceilMode);
    [LibraryImport(L)] internal static partial TensorHandle mt_nn_avg_pool2d(TensorHandle input, long* kernel, long* stride, int nStride,
        long* padding, int ceilMode, int countIncludePad, long divisorOverride);
    [LibraryImport(L)] internal static partial TensorHandle mt_nn_adaptive_avg_pool2d(TensorHandle input, long* outputSize);
    [LibraryImport(L)] internal static partial TensorHandle mt_nn_adaptive_max_pool2d(TensorHandle input, long* outputSize);

    [LibraryImport(L)] internal static partial TensorHandle mt_nn_batch_norm(TensorHandle input, TensorHandle runningMean, TensorHandle runningVar,
        TensorHandle weight, TensorHandle bias, int training, double momentum, double eps);
    [LibraryImport(L)] internal static partial TensorHandle mt_nn_group_norm(TensorHandle input, long numGroups, TensorHandle weight, TensorHandle bias, double eps);
    [LibraryImport(L)] internal static partial TensorHandle mt_nn_layer_norm(TensorHandle input, long* shape, int n, TensorHandle weight, TensorHandle bias, double eps);
    [LibraryImport(L)] internal static partial int mt_nn_count_batch_(TensorHandle counter);
    [LibraryImport(L)] internal static partial TensorHandle mt_nn_normalize(TensorHandle input, double p, long dim, double eps);

    [LibraryImport(L)] internal static partial TensorHandle mt_nn_gelu(TensorHandle input, [MarshalAs(UnmanagedType.LPUTF8Str)] string approximate);
    [LibraryImport(L)] internal static partial TensorHandle mt_nn_silu(TensorHandle input);
    [LibraryImport(L)] internal static partial int mt_nn_silu_(TensorHandle input);
    [LibraryImport(L)] internal static partial TensorHandle mt_nn_leaky_relu(TensorHandle input, double slope);
    [LibraryImport(L)] internal static partial int mt_nn_leaky_relu_(TensorHandle input, double slope);
    [LibraryImport(L)] internal static partial TensorHandle mt_nn_dropout(TensorHandle input, double p, int train);
    [LibraryImport(L)] internal static partial int mt_nn_dropout_(TensorHandle input, double p, int train);
    [LibraryImport(L)] internal static partial TensorHandle mt_nn_one_hot(TensorHandle input, long numClasses);
    [LibraryImport(L)] internal static partial TensorHandle mt_nn_pad(TensorHandle input, long* pad, int n,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string mode, double value);
    [LibraryImport(L)] internal static partial TensorHandle mt_nn_interpolate(TensorHandle input, int mode, long outH, long outW,
        int hasScale, double scaleH, double scaleW, int alignCorners, int antialias);

    [LibraryImport(L)] internal static partial TensorHandle mt_nn_cross_entropy(TensorHandle input, TensorHandle target, TensorHandle weight,
        long reduction, long ignoreIndex, double labelSmoothing);
    [LibraryImport(L)] internal static partial TensorHandle mt_nn_nll_loss(TensorHandle input, TensorHandle target, TensorHandle weight,
        long reduction, long ignoreIndex);
    [LibraryImport(L)] internal static partial TensorHandle mt_nn_bce_with_logits(TensorHandle input, TensorHandle target, TensorHandle weight,
        TensorHandle posWeight, long reduction);
    [LibraryImport(L)] internal static partial TensorHandle mt_nn_mse_loss(TensorHandle input, TensorHandle target, long reduction);
    [LibraryImport(L)] internal static partial TensorHandle mt_nn_l1_loss(TensorHandle input, TensorHandle target, long reduction);

    [LibraryImport(L)] internal static partial int mt_nn_set_data_to(TensorHandle t, int dtype, int devType, int devIndex, int nonBlocking);
    [LibraryImport(L)] internal static partial int mt_nn_trunc_normal_(TensorHandle t, double mean, double std, double a, double b, GeneratorHandle g);
}
