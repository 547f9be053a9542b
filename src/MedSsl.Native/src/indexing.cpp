// PyTorch-style indexing (x[0, 1:3, mask] get and set) and the gather/scatter family.
#include <ATen/TensorIndexing.h>
#include "shim.h"

namespace {
namespace ix = at::indexing;

// Index kinds as the C# TensorIndex encodes them; ints holds three slots per index.
enum Kind { kNone = 0, kEllipsis = 1, kInteger = 2, kBoolean = 3, kSlice = 4, kTensor = 5 };

// Builds the index list from parallel arrays: kinds[i], ints[3i..3i+2] (integer, or slice
// start/stop/step), ts[i] (tensor indices). Missing slice bounds arrive as 0 and INT64_MAX,
// which ATen clamps exactly as Python does for None with a positive step.
std::vector<ix::TensorIndex> build(const int* kinds, const int64_t* ints, const mt_tensor* ts, int n) {
  std::vector<ix::TensorIndex> v;
  v.reserve(n);
  for (int i = 0; i < n; ++i) {
    const int64_t* s = ints + 3 * i;
    switch (kinds[i]) {
      case kNone: v.emplace_back(ix::None); break;
      case kEllipsis: v.emplace_back(ix::Ellipsis); break;
      case kInteger: v.emplace_back(static_cast<int64_t>(s[0])); break;
      case kBoolean: v.emplace_back(s[0] != 0); break;
      case kSlice: v.emplace_back(ix::Slice(s[0], s[1], s[2])); break;
      case kTensor:
        TORCH_CHECK(ts[i] != nullptr, "tensor index ", i, " is missing");
        v.emplace_back(*ts[i]);
        break;
      default: TORCH_CHECK(false, "unknown index kind ", kinds[i]);
    }
  }
  return v;
}
}  // namespace

MT_API mt_tensor mt_index(mt_tensor a, const int* kinds, const int64_t* ints, const mt_tensor* ts, int n) {
  return mt::wrap([&] { return a->index(build(kinds, ints, ts, n)); });
}
MT_API int mt_index_put_t_(mt_tensor a, const int* kinds, const int64_t* ints, const mt_tensor* ts, int n, mt_tensor v) {
  return mt::status([&] { a->index_put_(build(kinds, ints, ts, n), *v); });
}
MT_API int mt_index_put_s_(mt_tensor a, const int* kinds, const int64_t* ints, const mt_tensor* ts, int n, double v) {
  return mt::status([&] { a->index_put_(build(kinds, ints, ts, n), v); });
}
// index_put_ with a tuple of index tensors (null entries = whole dim) and accumulate, as Tensor.index_put_.
MT_API int mt_index_put_list_(mt_tensor a, const mt_tensor* ts, int n, mt_tensor values, int accumulate) {
  return mt::status([&] {
    c10::List<c10::optional<at::Tensor>> idx;
    for (int i = 0; i < n; ++i) idx.push_back(ts[i] ? c10::optional<at::Tensor>(*ts[i]) : c10::nullopt);
    a->index_put_(idx, *values, accumulate != 0);
  });
}

MT_API mt_tensor mt_index_select(mt_tensor a, int64_t dim, mt_tensor index) {
  return mt::wrap([&] { return a->index_select(dim, *index); });
}
MT_API mt_tensor mt_gather(mt_tensor a, int64_t dim, mt_tensor index) { return mt::wrap([&] { return a->gather(dim, *index); }); }
MT_API mt_tensor mt_take(mt_tensor a, mt_tensor index) { return mt::wrap([&] { return a->take(*index); }); }
MT_API mt_tensor mt_masked_select(mt_tensor a, mt_tensor mask) { return mt::wrap([&] { return a->masked_select(*mask); }); }
MT_API mt_tensor mt_nonzero(mt_tensor a) { return mt::wrap([&] { return a->nonzero(); }); }

MT_API mt_tensor mt_scatter_t(mt_tensor a, int64_t dim, mt_tensor index, mt_tensor src) {
  return mt::wrap([&] { return a->scatter(dim, *index, *src); });
}
MT_API mt_tensor mt_scatter_s(mt_tensor a, int64_t dim, mt_tensor index, double value) {
  return mt::wrap([&] { return a->scatter(dim, *index, value); });
}
MT_API int mt_scatter_t_(mt_tensor a, int64_t dim, mt_tensor index, mt_tensor src) {
  return mt::status([&] { a->scatter_(dim, *index, *src); });
}
MT_API int mt_scatter_s_(mt_tensor a, int64_t dim, mt_tensor index, double value) {
  return mt::status([&] { a->scatter_(dim, *index, value); });
}
MT_API mt_tensor mt_scatter_add(mt_tensor a, int64_t dim, mt_tensor index, mt_tensor src) {
  return mt::wrap([&] { return a->scatter_add(dim, *index, *src); });
}
MT_API int mt_scatter_add_(mt_tensor a, int64_t dim, mt_tensor index, mt_tensor src) {
  return mt::status([&] { a->scatter_add_(dim, *index, *src); });
}

MT_API mt_tensor mt_index_add(mt_tensor a, int64_t dim, mt_tensor index, mt_tensor src, double alpha) {
  return mt::wrap([&] { return a->index_add(dim, *index, *src, alpha); });
}
MT_API int mt_index_add_(mt_tensor a, int64_t dim, mt_tensor index, mt_tensor src, double alpha) {
  return mt::status([&] { a->index_add_(dim, *index, *src, alpha); });
}
MT_API mt_tensor mt_index_fill(mt_tensor a, int64_t dim, mt_tensor index, double value) {
  return mt::wrap([&] { return a->index_fill(dim, *index, value); });
}
MT_API int mt_index_fill_(mt_tensor a, int64_t dim, mt_tensor index, double value) {
  return mt::status([&] { a->index_fill_(dim, *index, value); });
}
MT_API mt_tensor mt_masked_scatter(mt_tensor a, mt_tensor mask, mt_tensor src) {
  return mt::wrap([&] { return a->masked_scatter(*mask, *src); });
}
