// Views and re-arrangements: view/reshape/permute/transpose/squeeze/unsqueeze/flatten/expand, cat/stack.
#include "shim.h"

MT_API mt_tensor mt_view(mt_tensor a, const int64_t* shape, int n) { return mt::wrap([&] { return a->view(mt::dims(shape, n)); }); }
MT_API mt_tensor mt_reshape(mt_tensor a, const int64_t* shape, int n) { return mt::wrap([&] { return a->reshape(mt::dims(shape, n)); }); }
MT_API mt_tensor mt_permute(mt_tensor a, const int64_t* dims, int n) { return mt::wrap([&] { return a->permute(mt::dims(dims, n)); }); }
MT_API mt_tensor mt_expand(mt_tensor a, const int64_t* shape, int n) { return mt::wrap([&] { return a->expand(mt::dims(shape, n)); }); }
MT_API mt_tensor mt_repeat(mt_tensor a, const int64_t* reps, int n) { return mt::wrap([&] { return a->repeat(mt::dims(reps, n)); }); }
MT_API mt_tensor mt_transpose(mt_tensor a, int64_t d0, int64_t d1) { return mt::wrap([&] { return a->transpose(d0, d1); }); }
MT_API mt_tensor mt_t(mt_tensor a) { return mt::wrap([&] { return a->t(); }); }
MT_API mt_tensor mt_squeeze(mt_tensor a) { return mt::wrap([&] { return a->squeeze(); }); }
MT_API mt_tensor mt_squeeze_dim(mt_tensor a, int64_t d) { return mt::wrap([&] { return a->squeeze(d); }); }
MT_API mt_tensor mt_unsqueeze(mt_tensor a, int64_t d) { return mt::wrap([&] { return a->unsqueeze(d); }); }
MT_API mt_tensor mt_flatten(mt_tensor a, int64_t start, int64_t end) { return mt::wrap([&] { return a->flatten(start, end); }); }
MT_API mt_tensor mt_unflatten(mt_tensor a, int64_t dim, const int64_t* sizes, int n) {
  return mt::wrap([&] { return a->unflatten(dim, mt::dims(sizes, n)); });
}
MT_API mt_tensor mt_narrow(mt_tensor a, int64_t dim, int64_t start, int64_t length) {
  return mt::wrap([&] { return a->narrow(dim, start, length); });
}
MT_API mt_tensor mt_select(mt_tensor a, int64_t dim, int64_t index) { return mt::wrap([&] { return a->select(dim, index); }); }
MT_API mt_tensor mt_slice(mt_tensor a, int64_t dim, int64_t start, int64_t end, int64_t step) {
  return mt::wrap([&] { return a->slice(dim, start, end, step); });
}
MT_API mt_tensor mt_as_strided(mt_tensor a, const int64_t* size, const int64_t* stride, int n, int64_t offset) {
  return mt::wrap([&] { return a->as_strided(mt::dims(size, n), mt::dims(stride, n), offset); });
}
MT_API mt_tensor mt_flip(mt_tensor a, const int64_t* dims, int n) { return mt::wrap([&] { return a->flip(mt::dims(dims, n)); }); }
MT_API mt_tensor mt_roll(mt_tensor a, const int64_t* shifts, const int64_t* dims, int n) {
  return mt::wrap([&] { return a->roll(mt::dims(shifts, n), mt::dims(dims, n)); });
}
MT_API mt_tensor mt_cat(const mt_tensor* ts, int n, int64_t dim) { return mt::wrap([&] { return at::cat(mt::list(ts, n), dim); }); }
MT_API mt_tensor mt_stack(const mt_tensor* ts, int n, int64_t dim) { return mt::wrap([&] { return at::stack(mt::list(ts, n), dim); }); }
