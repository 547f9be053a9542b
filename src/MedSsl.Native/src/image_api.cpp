// The C ABI of the image codecs and the resampler (torchvision.io / transforms in C#), plus the
// decode-and-resize path the data loader uses: format sniffing, DCT-scaled JPEG decode, then one
// resample from the interleaved pixels straight to channels-first output.
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>
#include "image.h"

namespace mt {
namespace img {

Mode mode_from(int code) {
  if (code == kUnchanged || code == kGray || code == kRgb) return static_cast<Mode>(code);
  throw std::runtime_error("image read mode must be 0 (unchanged), 1 (grey) or 3 (RGB), got " + std::to_string(code));
}

View view_of(const Pixels& p) {
  return View{p.data.data(), p.channels, p.height, p.width, 1, p.width * p.channels, p.channels};
}

View view_of(const at::Tensor& chw) {
  TORCH_CHECK(chw.dim() == 3 && chw.scalar_type() == at::kByte && chw.device().is_cpu(),
              "expected a uint8 [C, H, W] CPU image, got ", chw.sizes(), " ", chw.scalar_type(), " ", chw.device());
  return View{chw.data_ptr<uint8_t>(), chw.size(0), chw.size(1), chw.size(2), chw.stride(0), chw.stride(1),
              chw.stride(2)};
}

Box whole(const View& v) { return Box{0, 0, double(v.height), double(v.width)}; }

Box fit_box(int64_t h, int64_t w, int64_t out_h, int64_t out_w, int fit) {
  if (fit == kStretch) return Box{0, 0, double(h), double(w)};
  if (fit != kCenterCrop) throw std::runtime_error("fit must be 0 (stretch) or 1 (centre crop), got " + std::to_string(fit));
  // The largest centred region with the output's aspect ratio.
  double bw = double(w), bh = double(h);
  if (bw * out_h > bh * out_w) bw = bh * double(out_w) / double(out_h);
  else bh = bw * double(out_h) / double(out_w);
  return Box{(h - bh) / 2, (w - bw) / 2, bh, bw};
}

namespace {

enum Format { kJpeg, kPng };

// Names the format from the first bytes, or says what the file looks like instead.
Format sniff(const uint8_t* d, size_t n) {
  if (n >= 3 && d[0] == 0xFF && d[1] == 0xD8 && d[2] == 0xFF) return kJpeg;
  if (n >= 8 && std::memcmp(d, "\x89PNG\r\n\x1a\n", 8) == 0) return kPng;
  const char* guess = n == 0 ? "an empty file"
                      : n >= 2 && std::memcmp(d, "BM", 2) == 0 ? "BMP"
                      : n >= 4 && std::memcmp(d, "GIF8", 4) == 0 ? "GIF"
                      : n >= 4 && (std::memcmp(d, "II*\0", 4) == 0 || std::memcmp(d, "MM\0*", 4) == 0) ? "TIFF"
                      : n >= 12 && std::memcmp(d, "RIFF", 4) == 0 && std::memcmp(d + 8, "WEBP", 4) == 0 ? "WebP"
                      : n >= 132 && std::memcmp(d + 128, "DICM", 4) == 0 ? "DICOM"
                      : "an unknown format";
  char first[40] = "";
  for (size_t i = 0; i < std::min<size_t>(n, 4); ++i) std::snprintf(first + 3 * i, 4, "%02X ", d[i]);
  throw std::runtime_error(std::string("not a JPEG or PNG: looks like ") + guess + (n ? " (starts " : "") + first +
                           (n ? ")" : ""));
}

at::Tensor decode_any(const uint8_t* data, size_t size, Mode mode, int64_t out_h, int64_t out_w, int fit,
                      double reducing_gap) {
  const Format f = sniff(data, size);
  const bool resized = out_h > 0 && out_w > 0;
  Box box{};
  Pixels p = f == kJpeg ? decode_jpeg(data, size, mode, out_h, out_w, fit, reducing_gap, &box)
                         : decode_png(data, size, mode);
  if (!resized) return to_chw(p);
  if (f == kPng) box = fit_box(p.height, p.width, out_h, out_w, fit);
  // Already the asked size with nothing to crop: resampling would be an identity, so only transpose.
  bool identity = box.top == 0 && box.left == 0 && box.height == p.height && box.width == p.width &&
                  p.height == out_h && p.width == out_w;
  return identity ? to_chw(p) : resize(view_of(p), box, out_h, out_w);
}

}  // namespace
}  // namespace img
}  // namespace mt

using namespace mt::img;

// uint8 [C, H, W]. min_h/min_w > 0: decode at the smallest DCT scale (1/2, 1/4, 1/8) still at least that size.
MT_API mt_tensor mt_image_decode_jpeg(const uint8_t* data, int64_t size, int mode, int64_t min_h, int64_t min_w) {
  return mt::wrap([&] {
    return to_chw(decode_jpeg(data, size_t(size), mode_from(mode), min_h, min_w, kStretch, 1.0, nullptr));
  });
}

// uint8 [C, H, W]; int32 for 16-bit files when allow_16 is set.
MT_API mt_tensor mt_image_decode_png(const uint8_t* data, int64_t size, int mode, int allow_16) {
  return mt::wrap([&] { return decode_png_tensor(data, size_t(size), mode_from(mode), allow_16 != 0); });
}

// JPEG or PNG by content; out_h/out_w > 0: resized (fit 0 stretch, 1 centre crop), JPEGs first DCT-scaled
// while that leaves at least reducing_gap times the size (<= 0: never).
MT_API mt_tensor mt_image_decode(const uint8_t* data, int64_t size, int mode, int64_t out_h, int64_t out_w, int fit,
                                 double reducing_gap) {
  return mt::wrap([&] { return decode_any(data, size_t(size), mode_from(mode), out_h, out_w, fit, reducing_gap); });
}

// Resamples a uint8 [C, H, W] or [N, C, H, W] image (any strides) to out_h x out_w.
MT_API mt_tensor mt_image_resize(mt_tensor img, int64_t out_h, int64_t out_w) {
  return mt::wrap([&] {
    TORCH_CHECK(img->dim() == 3 || img->dim() == 4, "resize expects [C, H, W] or [N, C, H, W], got ", img->sizes());
    auto one = [&](const at::Tensor& chw) {
      // Planar rows (crops included) and interleaved pixels are read in place; other layouts are copied once.
      bool readable = chw.stride(2) == 1 || (chw.stride(0) == 1 && chw.stride(2) == chw.size(0));
      auto src = readable ? chw : chw.contiguous();
      View v = view_of(src);
      return resize(v, whole(v), out_h, out_w);
    };
    if (img->dim() == 3) return one(*img);
    std::vector<at::Tensor> items;
    for (int64_t i = 0; i < img->size(0); ++i) items.push_back(one(img->select(0, i)));
    return at::stack(items);
  });
}

MT_API mt_tensor mt_image_encode_png(mt_tensor img, int level) {
  return mt::wrap([&] { return encode_png(*img, level); });
}

MT_API mt_tensor mt_image_encode_jpeg(mt_tensor img, int quality) {
  return mt::wrap([&] { return encode_jpeg(*img, quality); });
}
