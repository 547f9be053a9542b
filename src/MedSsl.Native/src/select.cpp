// Ordering and selection: sort/argsort/topk/kthvalue/unique, counting and searching,
// triangular and diagonal parts.
#include "shim.h"

namespace {
// Hands a pair of results to C# through out-params.
void out2(const std::tuple<at::Tensor, at::Tensor>& r, mt_tensor* a, mt_tensor* b) {
  *a = new at::Tensor(std::get<0>(r));
  *b = new at::Tensor(std::get<1>(r));
}
}  // namespace

MT_API int mt_sort(mt_tensor a, int64_t dim, int descending, int stable, mt_tensor* values, mt_tensor* indices) {
  return mt::status([&] { out2(a->sort(c10::optional<bool>(stable != 0), dim, descending != 0), values, indices); });
}
// argsort through sort: the stable overload of argsort only exists from 2.0 on.
MT_API mt_tensor mt_argsort(mt_tensor a, int64_t dim, int descending, int stable) {
  return mt::wrap([&] { return std::get<1>(a->sort(c10::optional<bool>(stable != 0), dim, descending != 0)); });
}
MT_API int mt_topk(mt_tensor a, int64_t k, int64_t dim, int largest, int sorted, mt_tensor* values, mt_tensor* indices) {
  return mt::status([&] { out2(a->topk(k, dim, largest != 0, sorted != 0), values, indices); });
}
MT_API int mt_kthvalue(mt_tensor a, int64_t k, int64_t dim, int keepdim, mt_tensor* values, mt_tensor* indices) {
  return mt::status([&] { out2(a->kthvalue(k, dim, keepdim != 0), values, indices); });
}
MT_API int mt_median_dim(mt_tensor a, int64_t dim, int keepdim, mt_tensor* values, mt_tensor* indices) {
  return mt::status([&] { out2(a->median(dim, keepdim != 0), values, indices); });
}
MT_API mt_tensor mt_median(mt_tensor a) { return mt::wrap([&] { return a->median(); }); }

// Unique values of the flattened tensor (has_dim = 0) or unique slices along dim;
// inverse and counts are always computed and dropped by the caller when not asked for.
MT_API int mt_unique(mt_tensor a, int sorted, int has_dim, int64_t dim, mt_tensor* values, mt_tensor* inverse,
                     mt_tensor* counts) {
  return mt::status([&] {
    auto r = has_dim ? at::unique_dim(*a, dim, sorted != 0, true, true) : at::_unique2(*a, sorted != 0, true, true);
    *values = new at::Tensor(std::get<0>(r));
    *inverse = new at::Tensor(std::get<1>(r));
    *counts = new at::Tensor(std::get<2>(r));
  });
}

MT_API mt_tensor mt_bincount(mt_tensor a, mt_tensor weights, int64_t minlength) {
  return mt::wrap([&] {
    return a->bincount(weights ? c10::optional<at::Tensor>(*weights) : c10::nullopt, minlength);
  });
}
MT_API mt_tensor mt_searchsorted(mt_tensor sorted_sequence, mt_tensor values, int out_int32, int right) {
  return mt::wrap([&] { return at::searchsorted(*sorted_sequence, *values, out_int32 != 0, right != 0); });
}
MT_API mt_tensor mt_bucketize(mt_tensor values, mt_tensor boundaries, int out_int32, int right) {
  return mt::wrap([&] { return at::bucketize(*values, *boundaries, out_int32 != 0, right != 0); });
}

MT_API mt_tensor mt_tril(mt_tensor a, int64_t diagonal) { return mt::wrap([&] { return a->tril(diagonal); }); }
MT_API mt_tensor mt_triu(mt_tensor a, int64_t diagonal) { return mt::wrap([&] { return a->triu(diagonal); }); }
MT_API int mt_tril_(mt_tensor a, int64_t diagonal) { return mt::status([&] { a->tril_(diagonal); }); }
MT_API int mt_triu_(mt_tensor a, int64_t diagonal) { return mt::status([&] { a->triu_(diagonal); }); }
MT_API mt_tensor mt_diag(mt_tensor a, int64_t diagonal) { return mt::wrap([&] { return a->diag(diagonal); }); }
MT_API mt_tensor mt_diagonal(mt_tensor a, int64_t offset, int64_t dim1, int64_t dim2) {
  return mt::wrap([&] { return a->diagonal(offset, dim1, dim2); });
}
MT_API mt_tensor mt_diag_embed(mt_tensor a, int64_t offset, int64_t dim1, int64_t dim2) {
  return mt::wrap([&] { return a->diag_embed(offset, dim1, dim2); });
}
MT_API mt_tensor mt_trace(mt_tensor a) { return mt::wrap([&] { return a->trace(); }); }
