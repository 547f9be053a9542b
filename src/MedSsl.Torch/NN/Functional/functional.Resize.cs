using MedSsl.Torch.Native;

namespace MedSsl.Torch;

public static partial class torch
{
    public static partial class nn
    {
        // F.interpolate and F.pad.
        public static unsafe partial class functional
        {
            static readonly string[] InterpolateModes = { "nearest", "bilinear", "bicubic", "nearest-exact" };
            static readonly string[] PadModes = { "constant", "reflect", "replicate", "circular" };

            /// <summary>
            /// Resizes the spatial dims of an NCHW tensor to size, or by scale_factor (output = floor(in * scale)).
            /// mode: "nearest" (default), "nearest-exact", "bilinear", "bicubic". align_corners only applies to
            /// bilinear/bicubic (default false); antialias (for downsampling) too. As in PyTorch, given scale
            /// factors drive the coordinate mapping unless recompute_scale_factor is true.
            /// </summary>
            public static Tensor interpolate(Tensor input, Size2? size = null, Scale2? scale_factor = null, string mode = "nearest",
                                             bool? align_corners = null, bool? recompute_scale_factor = null, bool antialias = false)
            {
                var code = Array.IndexOf(InterpolateModes, mode);
                if (code < 0)
                    throw new ArgumentException($"interpolate: mode \"{mode}\" is not supported here; use one of {string.Join(", ", InterpolateModes)}.");
                if ((size is null) == (scale_factor is null))
                    throw new ArgumentException("interpolate: give exactly one of size or scale_factor.");
                if (size is not null && recompute_scale_factor == true)
                    throw new ArgumentException("interpolate: recompute_scale_factor is not meaningful with an explicit size.");
                var interpolating = mode is "bilinear" or "bicubic";
                if (!interpolating && align_corners is not null)
                    throw new ArgumentException("interpolate: align_corners can only be set with the interpolating modes bilinear | bicubic.");
                if (!interpolating && antialias)
                    throw new ArgumentException("interpolate: antialias is only supported for the bilinear and bicubic modes.");
                if (input.dim() != 4)
                    throw new ArgumentException($"interpolate: expected a 4-D (N, C, H, W) input, got {input.Describe()}.");

                long h, w;
                var useScale = scale_factor is not null && recompute_scale_factor != true;
                var sc = scale_factor ?? new Scale2(0, 0);
                if (size is { } s) (h, w) = (s.H, s.W);
                else (h, w) = ((long)Math.Floor(input.size(2) * sc.H), (long)Math.Floor(input.size(3) * sc.W));
                return Tensor.Wrap(LibNative.mt_nn_interpolate(input.Handle, code, h, w, useScale ? 1 : 0, sc.H, sc.W,
                                                               align_corners == true ? 1 : 0, antialias ? 1 : 0), input);
            }

            /// <summary>Pads with pairs (left, right, top, bottom, ...) starting from the last dim.
            /// mode: "constant" (with value), "reflect", "replicate" or "circular".</summary>
            public static Tensor pad(Tensor input, long[] pad, string mode = "constant", double value = 0)
            {
                if (Array.IndexOf(PadModes, mode) < 0)
                    throw new ArgumentException($"pad: mode \"{mode}\" is unknown; use one of {string.Join(", ", PadModes)}.");
                if (pad.Length % 2 != 0)
                    throw new ArgumentException($"pad: the padding length must be even, got {pad.Length}.");
                if (mode != "constant" && value != 0)
                    throw new ArgumentException($"pad: value is only used with mode \"constant\", not \"{mode}\".");
                fixed (long* p = pad) return Tensor.Wrap(LibNative.mt_nn_pad(input.Handle, p, pad.Length, mode, value), input);
            }

            /// <summary>int64 class indices to one-hot int64 vectors (num_classes = -1: max + 1).</summary>
            public static Tensor one_hot(Tensor tensor, long num_classes = -1) =>
                Tensor.Wrap(LibNative.mt_nn_one_hot(tensor.Handle, num_classes), tensor);
        }
    }
}
