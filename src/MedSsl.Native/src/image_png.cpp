// PNG through libpng: every colour type and bit depth, interlaced or not. Decisions, matching
// torchvision.io.decode_png where it has one:
//  - palette -> RGB; 1/2/4-bit grey -> 8-bit; tRNS transparency is ignored (palette ones included);
//  - alpha is kept only in "unchanged" mode (grey+alpha -> 2 channels, RGBA -> 4), dropped otherwise;
//  - 16-bit samples become 8-bit by rounding (v / 257, libpng's png_set_scale_16), or with allow_16
//    an int32 tensor of the raw 0..65535 values (torchvision's allow_16_bits convention);
//  - RGB -> grey uses PIL's convert("L") weights (ITU-R 601-2), the same luma a JPEG stores.
// libpng reports errors by longjmp: the setjmp frames below hold only trivially destructible locals,
// and everything with a destructor lives in their callers.
#include <png.h>
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>
#include "image.h"

namespace mt {
namespace img {
namespace {

struct Codec {
  char message[200] = "unknown libpng error";
};

void on_error(png_structp png, png_const_charp msg) {
  auto* c = static_cast<Codec*>(png_get_error_ptr(png));
  std::snprintf(c->message, sizeof c->message, "%s", msg);
  png_longjmp(png, 1);
}
// Warnings ("iCCP: known incorrect sRGB profile", bad ancillary CRCs) leave the pixels intact.
void on_warning(png_structp, png_const_charp) {}

struct Reader : Codec {
  png_structp png = nullptr;
  png_infop info = nullptr;
  const uint8_t* data;
  size_t size, pos = 0;
  Reader(const uint8_t* d, size_t s) : data(d), size(s) {
    png = png_create_read_struct(PNG_LIBPNG_VER_STRING, this, on_error, on_warning);
    if (png) info = png_create_info_struct(png);
    if (!png || !info) throw std::runtime_error("libpng could not allocate a decoder");
    png_set_read_fn(png, this, on_read);
  }
  ~Reader() { png_destroy_read_struct(&png, &info, nullptr); }
  static void on_read(png_structp png, png_bytep out, size_t n) {
    auto* r = static_cast<Reader*>(png_get_io_ptr(png));
    if (n > r->size - r->pos) png_error(png, "file is truncated");
    std::memcpy(out, r->data + r->pos, n);
    r->pos += n;
  }
};

struct Layout {
  png_uint_32 width = 0, height = 0;
  int channels = 0, bytes_per_sample = 1;
};

// Reads the header and sets up libpng's transforms so rows arrive as `mode` asks.
bool read_header(Reader& r, Mode mode, bool keep16, Layout* out) {
  if (setjmp(png_jmpbuf(r.png))) return false;
  png_read_info(r.png, r.info);
  int color = png_get_color_type(r.png, r.info), depth = png_get_bit_depth(r.png, r.info);
  if (color == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(r.png);
  if (color == PNG_COLOR_TYPE_GRAY && depth < 8) png_set_expand_gray_1_2_4_to_8(r.png);
  if (depth == 16) {
    if (keep16) png_set_swap(r.png);  // host order
    else png_set_scale_16(r.png);
  }
  // Expanding a palette turns its tRNS into an alpha channel: strip that one in every mode.
  if (!(color & PNG_COLOR_MASK_ALPHA) || mode != kUnchanged) png_set_strip_alpha(r.png);
  if (mode == kRgb && !(color & PNG_COLOR_MASK_COLOR)) png_set_gray_to_rgb(r.png);
  png_set_interlace_handling(r.png);
  png_read_update_info(r.png, r.info);
  out->width = png_get_image_width(r.png, r.info);
  out->height = png_get_image_height(r.png, r.info);
  out->channels = png_get_channels(r.png, r.info);
  out->bytes_per_sample = png_get_bit_depth(r.png, r.info) == 16 ? 2 : 1;
  return true;
}

bool read_rows(Reader& r, png_bytep* rows) {
  if (setjmp(png_jmpbuf(r.png))) return false;
  png_read_image(r.png, rows);
  return true;
}

// Decodes into buf (interleaved, 8- or 16-bit samples); returns the layout.
Layout read_png(const uint8_t* data, size_t size, Mode mode, bool keep16, std::vector<uint8_t>& buf) {
  if (size < 8 || png_sig_cmp(data, 0, 8) != 0) throw std::runtime_error("not a PNG file (bad signature)");
  Reader r(data, size);
  Layout l;
  if (!read_header(r, mode, keep16, &l)) throw std::runtime_error(std::string("corrupt PNG: ") + r.message);
  size_t row_bytes = size_t(l.width) * l.channels * l.bytes_per_sample;
  if (double(row_bytes) * l.height > double(int64_t(1) << 31))
    throw std::runtime_error("PNG of " + std::to_string(l.width) + " x " + std::to_string(l.height) + " is too large");
  buf.resize(row_bytes * l.height);
  std::vector<png_bytep> rows(l.height);
  for (png_uint_32 y = 0; y < l.height; ++y) rows[y] = buf.data() + y * row_bytes;
  if (!read_rows(r, rows.data())) throw std::runtime_error(std::string("corrupt PNG: ") + r.message);
  return l;
}

// RGB -> grey in place (the buffer keeps its size; the first third holds the result).
template <class T>
void rgb_to_grey(T* p, size_t pixels) {
  for (size_t i = 0; i < pixels; ++i) {
    uint64_t v = uint64_t(p[3 * i]) * 19595 + uint64_t(p[3 * i + 1]) * 38470 + uint64_t(p[3 * i + 2]) * 7471;
    p[i] = T((v + 0x8000) >> 16);
  }
}

struct Writer : Codec {
  png_structp png = nullptr;
  png_infop info = nullptr;
  std::vector<uint8_t> out;
  Writer() {
    png = png_create_write_struct(PNG_LIBPNG_VER_STRING, this, on_error, on_warning);
    if (png) info = png_create_info_struct(png);
    if (!png || !info) throw std::runtime_error("libpng could not allocate an encoder");
    png_set_write_fn(png, this, on_write, nullptr);
  }
  ~Writer() { png_destroy_write_struct(&png, &info); }
  static void on_write(png_structp png, png_bytep data, size_t n) {
    auto* w = static_cast<Writer*>(png_get_io_ptr(png));
    try {
      w->out.insert(w->out.end(), data, data + n);
    } catch (...) {
      png_error(png, "out of memory");
    }
  }
};

bool write_png(Writer& w, png_bytep* rows, png_uint_32 width, png_uint_32 height, int color, int level) {
  if (setjmp(png_jmpbuf(w.png))) return false;
  png_set_IHDR(w.png, w.info, width, height, 8, color, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
               PNG_FILTER_TYPE_DEFAULT);
  png_set_compression_level(w.png, level);
  png_write_info(w.png, w.info);
  png_write_image(w.png, rows);
  png_write_end(w.png, nullptr);
  return true;
}

}  // namespace

Pixels decode_png(const uint8_t* data, size_t size, Mode mode) {
  Pixels p;
  // Grey output from a colour file: decode RGB, then take PIL's luma.
  Layout l = read_png(data, size, mode == kGray ? kRgb : mode, false, p.data);
  p.height = l.height;
  p.width = l.width;
  p.channels = l.channels;
  if (mode == kGray && l.channels == 3) {
    rgb_to_grey(p.data.data(), size_t(l.width) * l.height);
    p.channels = 1;
    p.data.resize(size_t(l.width) * l.height);
  }
  return p;
}

at::Tensor decode_png_tensor(const uint8_t* data, size_t size, Mode mode, bool allow_16) {
  std::vector<uint8_t> buf;
  Layout l = read_png(data, size, mode == kGray ? kRgb : mode, allow_16, buf);
  size_t pixels = size_t(l.width) * l.height;
  int channels = l.channels;
  if (l.bytes_per_sample == 1) {
    Pixels p{std::move(buf), l.height, l.width, channels};
    if (mode == kGray && channels == 3) {
      rgb_to_grey(p.data.data(), pixels);
      p.channels = 1;
    }
    return to_chw(p);
  }
  auto* samples = reinterpret_cast<uint16_t*>(buf.data());
  if (mode == kGray && channels == 3) {
    rgb_to_grey(samples, pixels);
    channels = 1;
  }
  auto out = at::empty({channels, int64_t(l.height), int64_t(l.width)}, at::kInt);
  auto* o = out.data_ptr<int32_t>();
  for (int c = 0; c < channels; ++c)
    for (size_t i = 0; i < pixels; ++i) o[c * pixels + i] = samples[i * channels + c];
  return out;
}

at::Tensor encode_png(const at::Tensor& chw, int level) {
  TORCH_CHECK(chw.dim() == 3 && chw.scalar_type() == at::kByte, "encode_png needs a uint8 [C, H, W] image, got ",
              chw.sizes(), " ", chw.scalar_type());
  int64_t c = chw.size(0), height = chw.size(1), width = chw.size(2);
  TORCH_CHECK(c >= 1 && c <= 4, "encode_png needs 1 (grey), 2 (grey+alpha), 3 (RGB) or 4 (RGBA) channels, got ", c);
  TORCH_CHECK(level >= 0 && level <= 9, "PNG compression level must be in 0..9, got ", level);
  TORCH_CHECK(height > 0 && width > 0, "encode_png needs a non-empty image, got ", chw.sizes());
  const int colors[] = {PNG_COLOR_TYPE_GRAY, PNG_COLOR_TYPE_GRAY_ALPHA, PNG_COLOR_TYPE_RGB, PNG_COLOR_TYPE_RGB_ALPHA};
  auto hwc = chw.cpu().permute({1, 2, 0}).contiguous();
  std::vector<png_bytep> rows(height);
  for (int64_t y = 0; y < height; ++y) rows[y] = hwc.data_ptr<uint8_t>() + y * width * c;
  Writer w;
  if (!write_png(w, rows.data(), png_uint_32(width), png_uint_32(height), colors[c - 1], level))
    throw std::runtime_error(std::string("cannot encode PNG: ") + w.message);
  auto bytes = at::empty({int64_t(w.out.size())}, at::kByte);
  std::memcpy(bytes.data_ptr(), w.out.data(), w.out.size());
  return bytes;
}

}  // namespace img
}  // namespace mt
