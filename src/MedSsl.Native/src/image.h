// Shared by the image translation units (image_jpeg, image_png, image_resize, image_api).
// Decoders produce interleaved 8-bit pixels; the resampler reads any strided layout and writes
// channels-first uint8, so decode + resize never needs a separate transpose pass.
#pragma once
#include <cstdint>
#include <vector>
#include "shim.h"

namespace mt {
namespace img {

// Read modes, numbered like torchvision.io.ImageReadMode.
enum Mode : int { kUnchanged = 0, kGray = 1, kRgb = 3 };
Mode mode_from(int code);

// Interleaved pixels: height rows of width * channels bytes.
struct Pixels {
  std::vector<uint8_t> data;
  int64_t height = 0, width = 0, channels = 0;
};

// A uint8 image in any layout: element (c, y, x) is at data[c * sc + y * sy + x * sx].
struct View {
  const uint8_t* data;
  int64_t channels, height, width;
  int64_t sc, sy, sx;
};
View view_of(const Pixels& p);
View view_of(const at::Tensor& chw);  // uint8 [C, H, W] on the CPU

// A region of the source in pixel units (fractional after a DCT-scaled decode).
struct Box {
  double top, left, height, width;
};
Box whole(const View& v);

// fit codes for decode-and-resize: stretch to the size, or crop the centre to its aspect ratio first.
enum Fit : int { kStretch = 0, kCenterCrop = 1 };
Box fit_box(int64_t h, int64_t w, int64_t out_h, int64_t out_w, int fit);

// JPEG (TurboJPEG). The DCT-domain scale is the smallest of 1/8, 1/4, 1/2, 1 that keeps the scaled box
// at least reducing_gap times out_h x out_w (PIL's name; out 0 x 0 or gap <= 0: full size). On return,
// *box is the fitted region in the scaled image's pixels.
Pixels decode_jpeg(const uint8_t* data, size_t size, Mode mode, int64_t out_h, int64_t out_w, int fit,
                   double reducing_gap, Box* box);
at::Tensor encode_jpeg(const at::Tensor& chw, int quality);

// PNG (libpng): 8-bit output, 16-bit samples scaled to 8 bits with rounding.
Pixels decode_png(const uint8_t* data, size_t size, Mode mode);
// 16-bit files as int32 [C, H, W] holding the raw 0..65535 samples (8-bit files as uint8, like above).
at::Tensor decode_png_tensor(const uint8_t* data, size_t size, Mode mode, bool allow_16);
at::Tensor encode_png(const at::Tensor& chw, int level);

// Antialiased bilinear resample of a box of src into a new contiguous uint8 [C, out_h, out_w]:
// the triangle filter widened by the scale factor, as PIL and torchvision's resize(antialias=True).
at::Tensor resize(const View& src, Box box, int64_t out_h, int64_t out_w);
// Interleaved -> channels-first copy (no resampling).
at::Tensor to_chw(const Pixels& p);

}  // namespace img
}  // namespace mt
