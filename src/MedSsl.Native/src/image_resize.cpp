// Antialiased bilinear resampling of uint8 images, separable: a vertical pass over contiguous row
// segments, then a horizontal pass over 8 rows at a time that writes channels-first output; both run as
// vector multiply-adds. The filter is
// PIL's and ATen's _upsample_bilinear2d_aa (what torchvision's resize(antialias=True) calls): a triangle
// stretched by the scale factor when shrinking. Intermediates stay float, so results match
// torchvision's float computation to within one grey level.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>
#include <stdexcept>
#include "image.h"

namespace mt {
namespace img {
namespace {

// Filter taps of one axis: output i reads count[i] source samples from first[i] on.
struct Taps {
  std::vector<int64_t> first, count;
  std::vector<float> weights;  // out_size rows of `width` weights
  int64_t width = 0, lo = 0, hi = 0;  // [lo, hi): every source index any output reads
};

double triangle(double x) {
  x = std::abs(x);
  return x < 1.0 ? 1.0 - x : 0.0;
}

Taps make_taps(int64_t in_size, double start, double length, int64_t out_size) {
  const double scale = length / double(out_size);
  const double support = scale >= 1.0 ? scale : 1.0;
  const double inv = scale >= 1.0 ? 1.0 / scale : 1.0;
  Taps t;
  t.width = int64_t(std::ceil(support)) * 2 + 1;
  t.first.resize(out_size);
  t.count.resize(out_size);
  t.weights.assign(size_t(out_size * t.width), 0.f);
  t.lo = in_size;
  std::vector<double> w(size_t(t.width));
  for (int64_t i = 0; i < out_size; ++i) {
    const double center = start + scale * (double(i) + 0.5);
    // Truncation toward zero before the clamp, exactly as PIL and ATen compute it.
    int64_t first = std::max<int64_t>(int64_t(center - support + 0.5), 0);
    int64_t n = std::min<int64_t>(int64_t(center + support + 0.5), in_size) - first;
    n = std::min(n, t.width);
    double total = 0;
    for (int64_t j = 0; j < n; ++j) total += (w[j] = triangle((double(j + first) - center + 0.5) * inv));
    // Zero taps at either end cost time and change nothing: an identity axis becomes one tap.
    int64_t a = 0, b = n;
    while (a < b && w[a] == 0) ++a;
    while (b > a && w[b - 1] == 0) --b;
    if (b == a || total <= 0) throw std::runtime_error("resize: the box lies outside the image");
    for (int64_t j = a; j < b; ++j) t.weights[size_t(i * t.width + j - a)] = float(w[j] / total);
    t.first[i] = first + a;
    t.count[i] = b - a;
    t.lo = std::min(t.lo, t.first[i]);
    t.hi = std::max(t.hi, t.first[i] + t.count[i]);
  }
  return t;
}

// The two passes are compiled for AVX2 and for baseline x86-64, picked at load time.
#if defined(__x86_64__) && defined(__GNUC__)
#define MT_HOT __attribute__((target_clones("avx2", "default")))
#else
#define MT_HOT
#endif

// The intermediate rows are stored in blocks of kRows rows, interleaved: element (y, i) of rows n long
// sits at ((y / kRows) * n + i) * kRows + y % kRows. The horizontal pass then reads kRows rows' samples
// as one contiguous vector and computes kRows output rows at once with vector multiply-adds.
constexpr int64_t kRows = 8;

// Vertical pass: row y = sum_k w[y][k] * src row first[y] + k (n samples, rows row_stride bytes apart),
// computed contiguously in `row`, then spread into the blocked layout.
MT_HOT void vertical(const uint8_t* __restrict rows, int64_t row_stride, int64_t n, const Taps& t,
                     float* __restrict row, float* __restrict blocked) {
  const int64_t out_size = int64_t(t.first.size());
  for (int64_t y = 0; y < out_size; ++y) {
    const float* w = &t.weights[size_t(y * t.width)];
    const uint8_t* __restrict src = rows + t.first[y] * row_stride;
    for (int64_t x = 0; x < n; ++x) row[x] = w[0] * float(src[x]);
    for (int64_t k = 1; k < t.count[y]; ++k) {
      src += row_stride;
      const float wk = w[k];
      for (int64_t x = 0; x < n; ++x) row[x] += wk * float(src[x]);
    }
    float* dst = blocked + (y / kRows) * n * kRows + y % kRows;
    for (int64_t x = 0; x < n; ++x) dst[x * kRows] = row[x];
  }
}

// kRows floats (ints) as one vector (GCC/Clang vector extension: AVX in the avx2 clone, SSE pairs otherwise).
typedef float RowVector __attribute__((vector_size(kRows * sizeof(float))));
typedef int32_t RowInts __attribute__((vector_size(kRows * sizeof(int32_t))));

// Horizontal pass for one channel: out[y][x] = sum_k w[x][k] * sample (first[x] + k - lo) of row y, where
// a row's samples are `step` apart starting at `offset` (interleaved channels) and rows are blocked.
MT_HOT void horizontal(const float* __restrict blocked, int64_t n, int64_t rows, int64_t step, int64_t offset,
                       const Taps& t, uint8_t* __restrict out) {
  // x + 1.5 * 2^23 - 1.5 * 2^23 rounds x to the nearest integer, ties to even (torch.round), for |x| < 2^22.
  const RowVector zero = {}, top = zero + 255.0f, magic = zero + 12582912.0f;
  const int64_t out_w = int64_t(t.first.size());
  for (int64_t y0 = 0; y0 < rows; y0 += kRows) {
    const float* block = blocked + (y0 / kRows) * n * kRows;
    const int64_t valid = std::min(kRows, rows - y0);
    for (int64_t x = 0; x < out_w; ++x) {
      const float* w = &t.weights[size_t(x * t.width)];
      const float* src = block + ((t.first[x] - t.lo) * step + offset) * kRows;
      RowVector acc = {};
      for (int64_t k = 0; k < t.count[x]; ++k, src += step * kRows) {
        RowVector v;
        std::memcpy(&v, src, sizeof v);
        acc += w[k] * v;
      }
      RowVector rounded = (acc + magic) - magic;
      rounded = rounded < zero ? zero : rounded;
      rounded = rounded > top ? top : rounded;
      const RowInts levels = __builtin_convertvector(rounded, RowInts);
      uint8_t* dst = out + y0 * out_w + x;
      if (valid == kRows) {
        for (int64_t r = 0; r < kRows; ++r) dst[r * out_w] = uint8_t(levels[r]);
      } else {
        for (int64_t r = 0; r < valid; ++r) dst[r * out_w] = uint8_t(levels[r]);
      }
    }
  }
}

}  // namespace

at::Tensor resize(const View& s, Box box, int64_t out_h, int64_t out_w) {
  if (out_h <= 0 || out_w <= 0) throw std::runtime_error("resize: the output size must be positive");
  if (!(box.height > 0 && box.width > 0 && box.top >= 0 && box.left >= 0 && box.top + box.height <= s.height + 1e-6 &&
        box.left + box.width <= s.width + 1e-6))
    throw std::runtime_error("resize: the box must be a non-empty region inside the image");
  const bool interleaved = s.sc == 1 && s.sx == s.channels;
  if (!interleaved && s.sx != 1) throw std::runtime_error("resize: rows must be contiguous or interleaved");
  const Taps ty = make_taps(s.height, box.top, box.height, out_h);
  const Taps tx = make_taps(s.width, box.left, box.width, out_w);

  // Vertical pass over the columns the horizontal taps read: one row segment holding every channel
  // (interleaved input) or one segment per channel (planar input).
  const int64_t planes = interleaved ? 1 : s.channels;
  const int64_t n = (tx.hi - tx.lo) * (interleaved ? s.channels : 1);
  const int64_t padded = (out_h + kRows - 1) / kRows * kRows;
  std::unique_ptr<float[]> blocked(new float[size_t(planes * padded * n)]);
  std::unique_ptr<float[]> row(new float[size_t(n)]);
  for (int64_t p = 0; p < planes; ++p) {
    float* plane = blocked.get() + p * padded * n;
    std::fill(plane + (padded - kRows) * n, plane + padded * n, 0.f);  // rows past out_h are read, never used
    vertical(s.data + p * s.sc + tx.lo * s.sx, s.sy, n, ty, row.get(), plane);
  }

  auto out = at::empty({s.channels, out_h, out_w}, at::kByte);
  uint8_t* o = out.data_ptr<uint8_t>();
  for (int64_t c = 0; c < s.channels; ++c) {
    const float* plane = blocked.get() + (interleaved ? 0 : c * padded * n);
    horizontal(plane, n, out_h, interleaved ? s.channels : 1, interleaved ? c : 0, tx, o + c * out_h * out_w);
  }
  return out;
}

at::Tensor to_chw(const Pixels& p) {
  auto out = at::empty({p.channels, p.height, p.width}, at::kByte);
  uint8_t* o = out.data_ptr<uint8_t>();
  const int64_t n = p.height * p.width;
  const uint8_t* src = p.data.data();
  if (p.channels == 1) {
    std::copy(src, src + n, o);
    return out;
  }
  for (int64_t c = 0; c < p.channels; ++c)
    for (int64_t i = 0; i < n; ++i) o[c * n + i] = src[i * p.channels + c];
  return out;
}

}  // namespace img
}  // namespace mt
