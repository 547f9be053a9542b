using MedSsl.Torch.Native;

namespace MedSsl.Torch;

public static partial class torch
{
    public static partial class nn
    {
        // Normalisation layers and F.normalize.
        public static unsafe partial class functional
        {
            /// <summary>Batch norm over dim 1. When training, batch statistics are used and running_mean/var
            /// (if given) are updated in place: r = (1 - momentum) r + momentum * stat (unbiased var).</summary>
            public static Tensor batch_norm(Tensor input, Tensor? running_mean, Tensor? running_var, Tensor? weight = null,
                                            Tensor? bias = null, bool training = false, double momentum = 0.1, double eps = 1e-5)
            {
                if (!training && (running_mean is null || running_var is null))
                    throw new ArgumentException("batch_norm: running_mean and running_var are needed when training is false.");
                return Tensor.Wrap(LibNative.mt_nn_batch_norm(input.Handle, Opt(running_mean), Opt(running_var), Opt(weight),
                                                              Opt(bias), training ? 1 : 0, momentum, eps), input, weight, running_mean);
            }

            public static Tensor group_norm(Tensor input, long num_groups, Tensor? weight = null, Tensor? bias = null, double eps = 1e-5) =>
                Tensor.Wrap(LibNative.mt_nn_group_norm(input.Handle, num_groups, Opt(weight), Opt(bias), eps), input, weight);

            /// <summary>Normalises over the trailing dims given by normalized_shape.</summary>
            public static Tensor layer_norm(Tensor input, long[] normalized_shape, Tensor? weight = null, Tensor? bias = null,
                                            double eps = 1e-5)
            {
                fixed (long* p = normalized_shape)
                    return Tensor.Wrap(LibNative.mt_nn_layer_norm(input.Handle, p, normalized_shape.Length, Opt(weight), Opt(bias), eps),
                                       input, weight);
            }

            /// <summary>x / max(‖x‖_p, eps) along dim (eps bounds the norm; it is not added to it).</summary>
            public static Tensor normalize(Tensor input, double p = 2.0, long dim = 1, double eps = 1e-12) =>
                Tensor.Wrap(LibNative.mt_nn_normalize(input.Handle, p, dim, eps), input);
        }
    }
}
