// JPEG through libjpeg-turbo's TurboJPEG API: decode (optionally at 1/2, 1/4 or 1/8 size in the DCT
// domain, which skips most of the IDCT, upsampling and colour-conversion work) and encode.
#include <turbojpeg.h>
#include <cstring>
#include <stdexcept>
#include <string>
#include "image.h"

namespace mt {
namespace img {
namespace {

// One TurboJPEG instance per thread and direction: loader workers decode concurrently, and creating
// an instance per image would cost more than decoding a small one.
class TjHandle {
 public:
  explicit TjHandle(bool compress) : compress_(compress) {}
  ~TjHandle() { reset(); }
  tjhandle get() {
    if (!h_) h_ = compress_ ? tjInitCompress() : tjInitDecompress();
    if (!h_) throw std::runtime_error(std::string("cannot start TurboJPEG: ") + tjGetErrorStr2(nullptr));
    return h_;
  }
  // libjpeg-turbo 2.1 leaves an instance half-way through a header after some errors, and the next
  // image then fails: every failure retires the instance.
  [[noreturn]] void fail(const char* what) {
    std::string message = std::string(what) + ": " + tjGetErrorStr2(h_);
    reset();
    throw std::runtime_error(message);
  }

 private:
  void reset() {
    if (h_) tjDestroy(h_);
    h_ = nullptr;
  }
  bool compress_;
  tjhandle h_ = nullptr;
};

TjHandle& decompressor() {
  thread_local TjHandle t(false);
  return t;
}

TjHandle& compressor() {
  thread_local TjHandle t(true);
  return t;
}

// Largest reduction (1/8, 1/4, 1/2) that still leaves the box at least gap x out_h x out_w.
int pick_denominator(Box box, int64_t out_h, int64_t out_w, double gap) {
  int best = 1;
  if (out_h <= 0 || out_w <= 0 || gap <= 0) return best;
  for (int denom : {2, 4, 8}) {
    if (box.width / denom < gap * out_w || box.height / denom < gap * out_h) break;
    best = denom;
  }
  return best;
}

}  // namespace

Pixels decode_jpeg(const uint8_t* data, size_t size, Mode mode, int64_t out_h, int64_t out_w, int fit,
                   double reducing_gap, Box* box) {
  TjHandle& tj = decompressor();
  tjhandle h = tj.get();
  int width = 0, height = 0, subsamp = 0, colorspace = 0;
  if (tjDecompressHeader3(h, data, static_cast<unsigned long>(size), &width, &height, &subsamp, &colorspace) != 0)
    tj.fail("not a readable JPEG");
  if (colorspace == TJCS_CMYK || colorspace == TJCS_YCCK)
    throw std::runtime_error("CMYK JPEGs are not supported: convert the file to RGB (e.g. PIL's convert(\"RGB\"))");

  Box b = out_h > 0 && out_w > 0 ? fit_box(height, width, out_h, out_w, fit) : Box{0, 0, double(height), double(width)};
  int denom = pick_denominator(b, out_h, out_w, reducing_gap);
  tjscalingfactor factor{1, denom};
  Pixels p;
  p.width = TJSCALED(width, factor);
  p.height = TJSCALED(height, factor);
  p.channels = mode == kGray ? 1 : mode == kRgb ? 3 : (colorspace == TJCS_GRAY ? 1 : 3);
  if (p.width * p.height * p.channels > (int64_t(1) << 31))
    throw std::runtime_error("JPEG of " + std::to_string(width) + " x " + std::to_string(height) + " is too large");
  p.data.resize(static_cast<size_t>(p.width * p.height * p.channels));

  // Warnings count as errors: libjpeg reports a truncated file only as a warning and fills the rest grey.
  int format = p.channels == 1 ? TJPF_GRAY : TJPF_RGB;
  if (tjDecompress2(h, data, static_cast<unsigned long>(size), p.data.data(), int(p.width), 0, int(p.height), format,
                    TJFLAG_STOPONWARNING) != 0)
    tj.fail("corrupt JPEG");
  if (box) *box = Box{b.top / denom, b.left / denom, b.height / denom, b.width / denom};
  return p;
}

at::Tensor encode_jpeg(const at::Tensor& chw, int quality) {
  TORCH_CHECK(chw.dim() == 3 && chw.scalar_type() == at::kByte, "encode_jpeg needs a uint8 [C, H, W] image, got ",
              chw.sizes(), " ", chw.scalar_type());
  TORCH_CHECK(chw.size(0) == 1 || chw.size(0) == 3, "encode_jpeg needs 1 or 3 channels, got ", chw.size(0));
  TORCH_CHECK(quality >= 1 && quality <= 100, "JPEG quality must be in 1..100, got ", quality);
  auto hwc = chw.permute({1, 2, 0}).contiguous().cpu();
  int c = int(chw.size(0)), height = int(chw.size(1)), width = int(chw.size(2));
  TjHandle& tj = compressor();
  unsigned char* out = nullptr;
  unsigned long out_size = 0;
  // 4:2:0 chroma like libjpeg's (and torchvision's) defaults.
  int rc = tjCompress2(tj.get(), hwc.data_ptr<uint8_t>(), width, 0, height, c == 1 ? TJPF_GRAY : TJPF_RGB, &out, &out_size,
                       c == 1 ? TJSAMP_GRAY : TJSAMP_420, quality, 0);
  if (rc != 0) {
    tjFree(out);
    tj.fail("cannot encode JPEG");
  }
  auto bytes = at::empty({int64_t(out_size)}, at::kByte);
  std::memcpy(bytes.data_ptr(), out, out_size);
  tjFree(out);
  return bytes;
}

}  // namespace img
}  // namespace mt
