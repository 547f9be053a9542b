// Reductions and normalising maps over dims: sum/mean/std/var/max/min/norm/prod, softmax family.
#include "shim.h"

namespace {
// n == 0 means "all dims" (PyTorch's dim=None).
at::OptionalIntArrayRef opt_dims(const int64_t* d, int n) {
  return n == 0 ? at::OptionalIntArrayRef() : at::OptionalIntArrayRef(mt::dims(d, n));
}
c10::optional<at::ScalarType> opt_dtype(int code) {
  return code < 0 ? c10::nullopt : c10::optional<at::ScalarType>(mt::dtype(code));
}
}  // namespace

MT_API mt_tensor mt_sum(mt_tensor a, const int64_t* d, int n, int keepdim, int dtype) {
  return mt::wrap([&] { return n == 0 && !keepdim ? a->sum(opt_dtype(dtype)) : a->sum(opt_dims(d, n), keepdim != 0, opt_dtype(dtype)); });
}
MT_API mt_tensor mt_mean(mt_tensor a, const int64_t* d, int n, int keepdim) {
  return mt::wrap([&] { return n == 0 && !keepdim ? a->mean() : a->mean(opt_dims(d, n), keepdim != 0); });
}
MT_API mt_tensor mt_prod(mt_tensor a) { return mt::wrap([&] { return a->prod(); }); }
MT_API mt_tensor mt_prod_dim(mt_tensor a, int64_t d, int keepdim) { return mt::wrap([&] { return a->prod(d, keepdim != 0); }); }
// correction = 1 is Bessel's (unbiased), as PyTorch's default.
MT_API mt_tensor mt_var(mt_tensor a, const int64_t* d, int n, int64_t correction, int keepdim) {
  return mt::wrap([&] { return at::var(*a, opt_dims(d, n), correction, keepdim != 0); });
}
MT_API mt_tensor mt_std(mt_tensor a, const int64_t* d, int n, int64_t correction, int keepdim) {
  return mt::wrap([&] { return at::std(*a, opt_dims(d, n), correction, keepdim != 0); });
}
MT_API mt_tensor mt_norm(mt_tensor a, double p, const int64_t* d, int n, int keepdim) {
  return mt::wrap([&] { return n == 0 && !keepdim ? at::norm(*a, p) : at::norm(*a, p, mt::dims(d, n), keepdim != 0); });
}
MT_API mt_tensor mt_amax(mt_tensor a, const int64_t* d, int n, int keepdim) {
  return mt::wrap([&] { return at::amax(*a, mt::dims(d, n), keepdim != 0); });
}
MT_API mt_tensor mt_amin(mt_tensor a, const int64_t* d, int n, int keepdim) {
  return mt::wrap([&] { return at::amin(*a, mt::dims(d, n), keepdim != 0); });
}
MT_API mt_tensor mt_max_all(mt_tensor a) { return mt::wrap([&] { return a->max(); }); }
MT_API mt_tensor mt_min_all(mt_tensor a) { return mt::wrap([&] { return a->min(); }); }
// max/min along a dim: values and indices.
MT_API int mt_max_dim(mt_tensor a, int64_t d, int keepdim, mt_tensor* values, mt_tensor* indices) {
  return mt::status([&] {
    auto r = a->max(d, keepdim != 0);
    *values = new at::Tensor(std::get<0>(r));
    *indices = new at::Tensor(std::get<1>(r));
  });
}
MT_API int mt_min_dim(mt_tensor a, int64_t d, int keepdim, mt_tensor* values, mt_tensor* indices) {
  return mt::status([&] {
    auto r = a->min(d, keepdim != 0);
    *values = new at::Tensor(std::get<0>(r));
    *indices = new at::Tensor(std::get<1>(r));
  });
}
// has_dim = 0: over the flattened tensor.
MT_API mt_tensor mt_argmax(mt_tensor a, int64_t d, int has_dim, int keepdim) {
  return mt::wrap([&] { return a->argmax(has_dim ? c10::optional<int64_t>(d) : c10::nullopt, keepdim != 0); });
}
MT_API mt_tensor mt_argmin(mt_tensor a, int64_t d, int has_dim, int keepdim) {
  return mt::wrap([&] { return a->argmin(has_dim ? c10::optional<int64_t>(d) : c10::nullopt, keepdim != 0); });
}
MT_API mt_tensor mt_any(mt_tensor a) { return mt::wrap([&] { return a->any(); }); }
MT_API mt_tensor mt_all(mt_tensor a) { return mt::wrap([&] { return a->all(); }); }
MT_API mt_tensor mt_any_dim(mt_tensor a, int64_t d, int keepdim) { return mt::wrap([&] { return a->any(d, keepdim != 0); }); }
MT_API mt_tensor mt_all_dim(mt_tensor a, int64_t d, int keepdim) { return mt::wrap([&] { return a->all(d, keepdim != 0); }); }
MT_API mt_tensor mt_cumsum(mt_tensor a, int64_t d) { return mt::wrap([&] { return a->cumsum(d); }); }
MT_API mt_tensor mt_cumprod(mt_tensor a, int64_t d) { return mt::wrap([&] { return a->cumprod(d); }); }
MT_API mt_tensor mt_softmax(mt_tensor a, int64_t d) { return mt::wrap([&] { return a->softmax(d); }); }
MT_API mt_tensor mt_log_softmax(mt_tensor a, int64_t d) { return mt::wrap([&] { return a->log_softmax(d); }); }
MT_API mt_tensor mt_logsumexp(mt_tensor a, const int64_t* d, int n, int keepdim) {
  return mt::wrap([&] { return a->logsumexp(mt::dims(d, n), keepdim != 0); });
}
