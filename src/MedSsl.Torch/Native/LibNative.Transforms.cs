using System.Runtime.InteropServices;

namespace MedSsl.Torch.Native;

// transforms.cpp: grid_sample, affine_grid and histc for batched augmentations.
internal static unsafe partial class LibNative
{
    [LibraryImport(L)] internal static partial TensorHandle mt_nn_grid_sample(TensorHandle input, TensorHandle grid,
        long mode, long paddingMode, int alignCorners);
    [LibraryImport(L)] internal static partial TensorHandle mt_nn_affine_grid(TensorHandle theta, long* size, int n, int alignCorners);
    [LibraryImport(L)] internal static partial TensorHandle mt_histc(TensorHandle input, long bins, double min, double max);
}
