using MedSsl.Torch.Native;

namespace MedSsl.Torch;

public static partial class torch
{
    public static partial class nn
    {
        // Losses. reduction defaults to Mean, as in PyTorch.
        public static partial class functional
        {
            /// <summary>
            /// Cross entropy of logits [N, C, ...] against class indices [N, ...] (int64) or class probabilities
            /// (float, same shape as input). weight rescales classes; targets equal to ignore_index count for
            /// nothing (and are left out of the mean); label_smoothing mixes the target with the uniform distribution.
            /// </summary>
            public static Tensor cross_entropy(Tensor input, Tensor target, Tensor? weight = null, long ignore_index = -100,
                                               Reduction reduction = Reduction.Mean, double label_smoothing = 0.0)
            {
                if (label_smoothing < 0 || label_smoothing > 1)
                    throw new ArgumentException($"cross_entropy: label_smoothing must be in [0, 1], got {label_smoothing}.");
                return Tensor.Wrap(LibNative.mt_nn_cross_entropy(input.Handle, target.Handle, Opt(weight), (long)reduction,
                                                                 ignore_index, label_smoothing), input, target, weight);
            }

            /// <summary>Negative log-likelihood of log-probabilities [N, C, ...] against class indices.</summary>
            public static Tensor nll_loss(Tensor input, Tensor target, Tensor? weight = null, long ignore_index = -100,
                                          Reduction reduction = Reduction.Mean) =>
                Tensor.Wrap(LibNative.mt_nn_nll_loss(input.Handle, target.Handle, Opt(weight), (long)reduction, ignore_index),
                            input, target, weight);

            /// <summary>Sigmoid + binary cross entropy in one numerically stable op. weight rescales elements;
            /// pos_weight (broadcast over the last dim, one per class) rescales the positive term.</summary>
            public static Tensor binary_cross_entropy_with_logits(Tensor input, Tensor target, Tensor? weight = null,
                                                                  Reduction reduction = Reduction.Mean, Tensor? pos_weight = null) =>
                Tensor.Wrap(LibNative.mt_nn_bce_with_logits(input.Handle, target.Handle, Opt(weight), Opt(pos_weight), (long)reduction),
                            input, target, pos_weight ?? weight);

            public static Tensor mse_loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) =>
                Tensor.Wrap(LibNative.mt_nn_mse_loss(input.Handle, target.Handle, (long)reduction), input, target);

            public static Tensor l1_loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) =>
                Tensor.Wrap(LibNative.mt_nn_l1_loss(input.Handle, target.Handle, (long)reduction), input, target);
        }
    }
}
