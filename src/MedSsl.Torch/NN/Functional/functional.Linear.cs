using MedSsl.Torch.Native;

namespace MedSsl.Torch;

public static partial class torch
{
    public static partial class nn
    {
        // F.linear and F.conv2d.
        public static unsafe partial class functional
        {
            /// <summary>y = x Wᵀ + b, over the last dim of input.</summary>
            public static Tensor linear(Tensor input, Tensor weight, Tensor? bias = null) =>
                Tensor.Wrap(LibNative.mt_nn_linear(input.Handle, weight.Handle, bias?.Handle ?? TensorHandle.Null),
                            input, weight, bias);

            /// <summary>2-D convolution of an NCHW (or CHW) input with an [out, in/groups, kH, kW] weight.
            /// stride/padding/dilation default to 1/0/1 and take one number or an (h, w) pair.</summary>
            public static Tensor conv2d(Tensor input, Tensor weight, Tensor? bias = null, Size2? stride = null,
                                        Size2? padding = null, Size2? dilation = null, long groups = 1)
            {
                var s = (stride ?? 1).ToArray();
                var p = (padding ?? 0).ToArray();
                var d = (dilation ?? 1).ToArray();
                fixed (long* ps = s) fixed (long* pp = p) fixed (long* pd = d)
                    return Tensor.Wrap(LibNative.mt_nn_conv2d(input.Handle, weight.Handle, bias?.Handle ?? TensorHandle.Null,
                                                              ps, pp, pd, groups), input, weight, bias);
            }

            /// <summary>conv2d with padding "same" (output size = input size, stride 1) or "valid" (none):
            /// <c>F.conv2d(x, w, padding: "same")</c>.</summary>
            public static Tensor conv2d(Tensor input, Tensor weight, string padding, Tensor? bias = null, Size2? stride = null,
                                        Size2? dilation = null, long groups = 1)
            {
                if (padding != "same" && padding != "valid")
                    throw new ArgumentException($"conv2d: padding must be \"same\", \"valid\" or numbers, not \"{padding}\".");
                var s = (stride ?? 1).ToArray();
                var d = (dilation ?? 1).ToArray();
                fixed (long* ps = s) fixed (long* pd = d)
                    return Tensor.Wrap(LibNative.mt_nn_conv2d_padmode(input.Handle, weight.Handle, bias?.Handle ?? TensorHandle.Null,
                                                                      ps, padding, pd, groups), input, weight, bias);
            }
        }
    }
}
