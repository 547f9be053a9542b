using System.Runtime.InteropServices;

namespace MedSsl.Torch.Native;

// autograd.cpp
internal static unsafe partial class LibNative
{
    [LibraryImport(L)] internal static partial int mt_requires_grad(TensorHandle t);
    [LibraryImport(L)] internal static partial int mt_set_requires_grad(TensorHandle t, int value);
    [LibraryImport(L)] internal static partial int mt_is_leaf(TensorHandle t);
    [LibraryImport(L)] internal static partial int mt_grad(TensorHandle t, out IntPtr grad);
    [LibraryImport(L)] internal static partial int mt_set_grad(TensorHandle t, TensorHandle grad);
    [LibraryImport(L)] internal static partial int mt_zero_grad(TensorHandle t, int setToNone);
    [LibraryImport(L)] internal static partial int mt_backward(TensorHandle t, TensorHandle gradient, int retainGraph, int createGraph);
    [LibraryImport(L)] internal static partial int mt_retain_grad(TensorHandle t);
    [LibraryImport(L)] internal static partial TensorHandle mt_detach(TensorHandle t);
    [LibraryImport(L)] internal static partial int mt_detach_(TensorHandle t);
    [LibraryImport(L)] internal static partial int mt_has_grad_fn(TensorHandle t);
}
