using MedSsl.Torch.Native;

namespace MedSsl.Torch;

public static partial class torch
{
    public static partial class nn
    {
        // F.grid_sample and F.affine_grid: per-sample geometric warps of a batch in one call.
        public static unsafe partial class functional
        {
            static readonly string[] GridModes = { "bilinear", "nearest", "bicubic" };
            static readonly string[] GridPaddings = { "zeros", "border", "reflection" };

            /// <summary>
            /// Samples input [N, C, H, W] at grid [N, Ho, Wo, 2] (x, y in [-1, 1]; -1 is the left/top edge).
            /// mode: "bilinear" (default), "nearest", "bicubic"; padding_mode: "zeros" (default), "border",
            /// "reflection". align_corners defaults to false, as in PyTorch since 1.3.
            /// </summary>
            public static Tensor grid_sample(Tensor input, Tensor grid, string mode = "bilinear", string padding_mode = "zeros",
                                             bool? align_corners = null)
            {
                var m = Array.IndexOf(GridModes, mode);
                if (m < 0) throw new ArgumentException($"grid_sample: mode \"{mode}\" is unknown; use one of {string.Join(", ", GridModes)}.");
                var p = Array.IndexOf(GridPaddings, padding_mode);
                if (p < 0)
                    throw new ArgumentException($"grid_sample: padding_mode \"{padding_mode}\" is unknown; use one of {string.Join(", ", GridPaddings)}.");
                if (input.dim() != 4 || grid.dim() != 4)
                    throw new ArgumentException($"grid_sample: expected a 4-D input and grid, got {input.Describe()} and {grid.Describe()}.");
                return Tensor.Wrap(LibNative.mt_nn_grid_sample(input.Handle, grid.Handle, m, p, align_corners == true ? 1 : 0), input, grid);
            }

            /// <summary>The sampling grid [N, H, W, 2] of the affine maps theta [N, 2, 3] for an output of
            /// size (N, C, H, W); feed it to <see cref="grid_sample"/>.</summary>
            public static Tensor affine_grid(Tensor theta, long[] size, bool? align_corners = null)
            {
                if (size.Length != 4)
                    throw new ArgumentException($"affine_grid: size must be (N, C, H, W) here, got {size.Length} values.");
                fixed (long* s = size)
                    return Tensor.Wrap(LibNative.mt_nn_affine_grid(theta.Handle, s, size.Length, align_corners == true ? 1 : 0), theta);
            }
        }
    }
}
