using MedSsl.Torch.Native;

namespace MedSsl.Torch;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>
        /// torch.nn.init: in-place initialisers with PyTorch's formulas and random-number order, so a seeded
        /// run draws the same weights as PyTorch. Each works without recording gradients and returns its tensor.
        /// </summary>
        public static class init
        {
            /// <summary>The recommended gain for a nonlinearity ("relu" → √2, "tanh" → 5/3, "leaky_relu" with slope param...).</summary>
            public static double calculate_gain(string nonlinearity, double? param = null) => nonlinearity switch
            {
                "linear" or "conv1d" or "conv2d" or "conv3d" or "conv_transpose1d" or "conv_transpose2d"
                    or "conv_transpose3d" or "sigmoid" => 1,
                "tanh" => 5.0 / 3,
                "relu" => Math.Sqrt(2.0),
                "leaky_relu" => Math.Sqrt(2.0 / (1 + Math.Pow(param ?? 0.01, 2))),
                "selu" => 3.0 / 4,
                _ => throw new ArgumentException($"init: unsupported nonlinearity \"{nonlinearity}\"."),
            };

            /// <summary>(fan_in, fan_out) of a weight: dims 1 and 0 times the receptive field (the dims after 1).</summary>
            public static (long fan_in, long fan_out) _calculate_fan_in_and_fan_out(Tensor tensor)
            {
                var s = tensor.shape;
                if (s.Length < 2)
                    throw new ArgumentException($"init: fan in and fan out can not be computed for a tensor with fewer than 2 dimensions ({tensor.Describe()}).");
                long receptive = 1;
                for (int i = 2; i < s.Length; i++) receptive *= s[i];
                return (s[1] * receptive, s[0] * receptive);
            }

            static long Fan(Tensor tensor, string mode)
            {
                var (fanIn, fanOut) = _calculate_fan_in_and_fan_out(tensor);
                return mode switch
                {
                    "fan_in" => fanIn,
                    "fan_out" => fanOut,
                    _ => throw new ArgumentException($"init: mode {mode} not supported, please use one of fan_in, fan_out."),
                };
            }

            public static Tensor uniform_(Tensor tensor, double a = 0, double b = 1, Generator? generator = null)
            {
                using (no_grad()) return tensor.uniform_(a, b, generator);
            }

            public static Tensor normal_(Tensor tensor, double mean = 0, double std = 1, Generator? generator = null)
            {
                using (no_grad()) return tensor.normal_(mean, std, generator);
            }

            public static Tensor constant_(Tensor tensor, double val)
            {
                using (no_grad()) return tensor.fill_(val);
            }

            public static Tensor ones_(Tensor tensor) => constant_(tensor, 1);

            public static Tensor zeros_(Tensor tensor)
            {
                using (no_grad()) return tensor.zero_();
            }

            /// <summary>U(-a, a) with a = gain·√(6 / (fan_in + fan_out)) (Glorot).</summary>
            public static Tensor xavier_uniform_(Tensor tensor, double gain = 1, Generator? generator = null)
            {
                var (fanIn, fanOut) = _calculate_fan_in_and_fan_out(tensor);
                var std = gain * Math.Sqrt(2.0 / (fanIn + fanOut));
                var a = Math.Sqrt(3.0) * std;
                return uniform_(tensor, -a, a, generator);
            }

            /// <summary>N(0, std²) with std = gain·√(2 / (fan_in + fan_out)) (Glorot).</summary>
            public static Tensor xavier_normal_(Tensor tensor, double gain = 1, Generator? generator = null)
            {
                var (fanIn, fanOut) = _calculate_fan_in_and_fan_out(tensor);
                return normal_(tensor, 0, gain * Math.Sqrt(2.0 / (fanIn + fanOut)), generator);
            }

            /// <summary>U(-bound, bound) with bound = gain·√(3 / fan) (He). a is the negative slope of leaky_relu;
            /// PyTorch's layers use a = √5, which gives bound = 1/√fan_in.</summary>
            public static Tensor kaiming_uniform_(Tensor tensor, double a = 0, string mode = "fan_in",
                                                  string nonlinearity = "leaky_relu", Generator? generator = null)
            {
                var std = calculate_gain(nonlinearity, a) / Math.Sqrt(Fan(tensor, mode));
                var bound = Math.Sqrt(3.0) * std;
                return uniform_(tensor, -bound, bound, generator);
            }

            /// <summary>N(0, std²) with std = gain / √fan (He); torchvision's ResNet uses mode "fan_out", "relu".</summary>
            public static Tensor kaiming_normal_(Tensor tensor, double a = 0, string mode = "fan_in",
                                                 string nonlinearity = "leaky_relu", Generator? generator = null)
            {
                var std = calculate_gain(nonlinearity, a) / Math.Sqrt(Fan(tensor, mode));
                return normal_(tensor, 0, std, generator);
            }

            /// <summary>N(mean, std²) truncated to [a, b] (absolute bounds, as PyTorch), by inverse-CDF sampling.</summary>
            public static Tensor trunc_normal_(Tensor tensor, double mean = 0, double std = 1, double a = -2, double b = 2,
                                               Generator? generator = null)
            {
                if (std <= 0) throw new ArgumentException($"trunc_normal_: std must be positive, got {std}.");
                Tensor.Check(LibNative.mt_nn_trunc_normal_(tensor.Handle, mean, std, a, b, generator?.Handle ?? GeneratorHandle.Null),
                             tensor, op: nameof(trunc_normal_));
                return tensor;
            }
        }
    }
}
