using System.Runtime.InteropServices;

namespace MedSsl.Torch.Native;

// Optimizer steps and gradient clipping (optim.cpp). State slots are raw at::Tensor* so the shim
// can create missing ones in place; the C# side adopts every slot that comes back non-null.
internal static unsafe partial class LibNative
{
    [LibraryImport(L)] internal static partial int mt_sgd_step(TensorHandle param, IntPtr* momentumBuffer, double lr,
        double momentum, double dampening, double weightDecay, int nesterov, int maximize);
    [LibraryImport(L)] internal static partial int mt_adam_step(TensorHandle param, IntPtr* state, double lr,
        double beta1, double beta2, double eps, double weightDecay, int amsgrad, int maximize, int decoupled);
    [LibraryImport(L)] internal static partial TensorHandle mt_clip_grad_norm_(IntPtr* parameters, int n, double maxNorm,
        double normType, int errorIfNonfinite);
}
