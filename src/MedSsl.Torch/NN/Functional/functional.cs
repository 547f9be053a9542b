using MedSsl.Torch.Native;

namespace MedSsl.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// torch.nn.functional: stateless layers and losses with PyTorch's names, argument order and defaults.
        /// <c>using F = MedSsl.Torch.torch.nn.functional;</c> makes paper code read as in Python.
        /// Every op names itself and its input shapes when libtorch rejects the inputs.
        /// </summary>
        public static partial class functional
        {
            /// <summary>The native handle of an optional tensor argument.</summary>
            static TensorHandle Opt(Tensor? t) => t?.Handle ?? TensorHandle.Null;
        }
    }
}
