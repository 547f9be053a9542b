using MedSsl.Torch.Native;

namespace MedSsl.Torch;

public static partial class torch
{
    public static partial class nn
    {
        // Activations, softmax passthroughs and dropout. inplace=true changes input and returns a new
        // handle to it (the alias protocol: a function never hands back its argument object).
        public static partial class functional
        {
            public static Tensor relu(Tensor input, bool inplace = false) =>
                inplace ? input.relu_().alias() : input.relu();

            /// <summary>GELU; approximate is "none" (exact, erf) or "tanh".</summary>
            public static Tensor gelu(Tensor input, string approximate = "none")
            {
                if (approximate != "none" && approximate != "tanh")
                    throw new ArgumentException($"gelu: approximate must be \"none\" or \"tanh\", not \"{approximate}\".");
                return Tensor.Wrap(LibNative.mt_nn_gelu(input.Handle, approximate), input);
            }

            /// <summary>x * sigmoid(x) (a.k.a. swish).</summary>
            public static Tensor silu(Tensor input, bool inplace = false)
            {
                if (!inplace) return Tensor.Wrap(LibNative.mt_nn_silu(input.Handle), input);
                Tensor.Check(LibNative.mt_nn_silu_(input.Handle), input);
                return input.alias();
            }

            public static Tensor leaky_relu(Tensor input, double negative_slope = 0.01, bool inplace = false)
            {
                if (!inplace) return Tensor.Wrap(LibNative.mt_nn_leaky_relu(input.Handle, negative_slope), input);
                Tensor.Check(LibNative.mt_nn_leaky_relu_(input.Handle, negative_slope), input);
                return input.alias();
            }

            public static Tensor sigmoid(Tensor input) => input.sigmoid();
            public static Tensor tanh(Tensor input) => input.tanh();
            public static Tensor softmax(Tensor input, long dim) => input.softmax(dim);
            public static Tensor log_softmax(Tensor input, long dim) => input.log_softmax(dim);

            /// <summary>Zeroes elements with probability p and scales the rest by 1/(1-p) when training;
            /// returns the input unchanged (as a new handle) otherwise.</summary>
            public static Tensor dropout(Tensor input, double p = 0.5, bool training = true, bool inplace = false)
            {
                if (p < 0 || p > 1) throw new ArgumentException($"dropout: probability has to be between 0 and 1, but got {p}.");
                if (!inplace) return Tensor.Wrap(LibNative.mt_nn_dropout(input.Handle, p, training ? 1 : 0), input);
                Tensor.Check(LibNative.mt_nn_dropout_(input.Handle, p, training ? 1 : 0), input);
                return input.alias();
            }
        }
    }
}
