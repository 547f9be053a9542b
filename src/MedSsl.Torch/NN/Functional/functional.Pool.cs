using MedSsl.Torch.Native;

namespace MedSsl.Torch;

public static partial class torch
{
    public static partial class nn
    {
        // 2-D pooling. A null stride means stride = kernel_size, as in PyTorch.
        public static unsafe partial class functional
        {
            public static Tensor max_pool2d(Tensor input, Size2 kernel_size, Size2? stride = null, Size2? padding = null,
                                            Size2? dilation = null, bool ceil_mode = false)
            {
                var k = kernel_size.ToArray();
                var s = stride?.ToArray() ?? Array.Empty<long>();
                var p = (padding ?? 0).ToArray();
                var d = (dilation ?? 1).ToArray();
                fixed (long* pk = k) fixed (long* ps = s) fixed (long* pp = p) fixed (long* pd = d)
                    return Tensor.Wrap(LibNative.mt_nn_max_pool2d(input.Handle, pk, ps, s.Length, pp, pd, ceil_mode ? 1 : 0), input);
            }

            /// <summary>Average pooling; divisor_override replaces the window size as divisor.</summary>
            public static Tensor avg_pool2d(Tensor input, Size2 kernel_size, Size2? stride = null, Size2? padding = null,
                                            bool ceil_mode = false, bool count_include_pad = true, long? divisor_override = null)
            {
                if (divisor_override is <= 0)
                    throw new ArgumentException($"avg_pool2d: divisor_override must be positive, got {divisor_override}.");
                var k = kernel_size.ToArray();
                var s = stride?.ToArray() ?? Array.Empty<long>();
                var p = (padding ?? 0).ToArray();
                fixed (long* pk = k) fixed (long* ps = s) fixed (long* pp = p)
                    return Tensor.Wrap(LibNative.mt_nn_avg_pool2d(input.Handle, pk, ps, s.Length, pp, ceil_mode ? 1 : 0,
                                                                  count_include_pad ? 1 : 0, divisor_override ?? 0), input);
            }

            /// <summary>Averages into a fixed output_size grid whatever the input size (1 gives global pooling).</summary>
            public static Tensor adaptive_avg_pool2d(Tensor input, Size2 output_size)
            {
                var o = output_size.ToArray();
                fixed (long* po = o) return Tensor.Wrap(LibNative.mt_nn_adaptive_avg_pool2d(input.Handle, po), input);
            }

            public static Tensor adaptive_max_pool2d(Tensor input, Size2 output_size)
            {
                var o = output_size.ToArray();
                fixed (long* po = o) return Tensor.Wrap(LibNative.mt_nn_adaptive_max_pool2d(input.Handle, po), input);
            }
        }
    }
}
