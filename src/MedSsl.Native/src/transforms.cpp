// Batched image-geometry and histogram ops used by the augmentation pipeline: F.grid_sample,
// F.affine_grid and torch.histc, as plain ATen wrappers with PyTorch's argument meanings.
#include "shim.h"

// mode: 0 bilinear, 1 nearest, 2 bicubic; padding_mode: 0 zeros, 1 border, 2 reflection
// (ATen's GridSamplerInterpolation / GridSamplerPadding codes).
MT_API mt_tensor mt_nn_grid_sample(mt_tensor input, mt_tensor grid, int64_t mode, int64_t padding_mode,
                                   int align_corners) {
  return mt::wrap([&] { return at::grid_sampler(*input, *grid, mode, padding_mode, align_corners != 0); });
}

// theta [N, 2, 3] and size (N, C, H, W) -> grid [N, H, W, 2] in normalised [-1, 1] coordinates.
MT_API mt_tensor mt_nn_affine_grid(mt_tensor theta, const int64_t* size, int n, int align_corners) {
  return mt::wrap([&] { return at::affine_grid_generator(*theta, mt::dims(size, n), align_corners != 0); });
}

// Histogram of all elements in `bins` equal-width bins over [min, max] (min == max: the data's range).
MT_API mt_tensor mt_histc(mt_tensor input, int64_t bins, double min, double max) {
  return mt::wrap([&] { return at::histc(*input, bins, min, max); });
}
