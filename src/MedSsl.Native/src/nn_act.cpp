// torch.nn.functional activations, dropout, one_hot, pad and interpolate.
#include "shim.h"

MT_API mt_tensor mt_nn_gelu(mt_tensor input, const char* approximate) {
  return mt::wrap([&] { return at::gelu(*input, c10::string_view(approximate)); });
}
MT_API mt_tensor mt_nn_silu(mt_tensor input) { return mt::wrap([&] { return at::silu(*input); }); }
MT_API int mt_nn_silu_(mt_tensor input) { return mt::status([&] { at::silu_(*input); }); }
MT_API mt_tensor mt_nn_leaky_relu(mt_tensor input, double slope) {
  return mt::wrap([&] { return at::leaky_relu(*input, slope); });
}
MT_API int mt_nn_leaky_relu_(mt_tensor input, double slope) {
  return mt::status([&] { at::leaky_relu_(*input, slope); });
}

MT_API mt_tensor mt_nn_dropout(mt_tensor input, double p, int train) {
  return mt::wrap([&] { return at::dropout(*input, p, train != 0); });
}
MT_API int mt_nn_dropout_(mt_tensor input, double p, int train) {
  return mt::status([&] { at::dropout_(*input, p, train != 0); });
}

MT_API mt_tensor mt_nn_one_hot(mt_tensor input, int64_t num_classes) {
  return mt::wrap([&] { return at::one_hot(*input, num_classes); });
}

// mode: "constant", "reflect", "replicate" or "circular"; pad pairs start from the last dim.
MT_API mt_tensor mt_nn_pad(mt_tensor input, const int64_t* pad, int n, const char* mode, double value) {
  return mt::wrap([&] {
    c10::string_view m(mode);
    auto v = m == "constant" ? c10::optional<double>(value) : c10::nullopt;
    return at::pad(*input, mt::dims(pad, n), m, v);
  });
}

// Resizes the two spatial dims of an NCHW tensor to out_h x out_w. has_scale says whether the caller
// gave scale factors: they then drive the source-coordinate mapping, as in F.interpolate.
// mode: 0 nearest, 1 bilinear, 2 bicubic, 3 nearest-exact.
MT_API mt_tensor mt_nn_interpolate(mt_tensor input, int mode, int64_t out_h, int64_t out_w, int has_scale,
                                   double scale_h, double scale_w, int align_corners, int antialias) {
  return mt::wrap([&] {
    std::vector<int64_t> size{out_h, out_w};
    auto sh = has_scale ? c10::optional<double>(scale_h) : c10::nullopt;
    auto sw = has_scale ? c10::optional<double>(scale_w) : c10::nullopt;
    bool ac = align_corners != 0;
    switch (mode) {
      case 0: return at::upsample_nearest2d(*input, size, sh, sw);
      case 3: return at::_upsample_nearest_exact2d(*input, size, sh, sw);
      case 1: return antialias ? at::_upsample_bilinear2d_aa(*input, size, ac, sh, sw)
                               : at::upsample_bilinear2d(*input, size, ac, sh, sw);
      case 2: return antialias ? at::_upsample_bicubic2d_aa(*input, size, ac, sh, sw)
                               : at::upsample_bicubic2d(*input, size, ac, sh, sw);
      default: TORCH_CHECK(false, "unknown interpolation mode code ", mode);
    }
  });
}
