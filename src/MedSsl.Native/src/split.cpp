// Ops returning a list of tensors: split/chunk/unbind/tensor_split, where(cond), meshgrid.
#include "shim.h"

namespace {
// Runs f (returning a vector) and exports it; the count, or -1 with the error set.
template <class F>
int export_call(F&& f, mt_tensor** out) {
  int n = -1;
  mt::guard([&] { n = mt::export_list(f(), out); });
  return n;
}
}  // namespace

MT_API int mt_split(mt_tensor a, int64_t size, int64_t dim, mt_tensor** out) {
  return export_call([&] { return a->split(size, dim); }, out);
}
MT_API int mt_split_with_sizes(mt_tensor a, const int64_t* sizes, int n, int64_t dim, mt_tensor** out) {
  return export_call([&] { return a->split_with_sizes(mt::dims(sizes, n), dim); }, out);
}
MT_API int mt_chunk(mt_tensor a, int64_t chunks, int64_t dim, mt_tensor** out) {
  return export_call([&] { return a->chunk(chunks, dim); }, out);
}
MT_API int mt_tensor_split(mt_tensor a, int64_t sections, int64_t dim, mt_tensor** out) {
  return export_call([&] { return a->tensor_split(sections, dim); }, out);
}
MT_API int mt_unbind(mt_tensor a, int64_t dim, mt_tensor** out) {
  return export_call([&] { return a->unbind(dim); }, out);
}
// where(cond) with one argument: the indices of the true elements, one tensor per dim.
MT_API int mt_where_cond(mt_tensor cond, mt_tensor** out) {
  return export_call([&] { return at::where(*cond); }, out);
}
MT_API int mt_meshgrid(const mt_tensor* ts, int n, const char* indexing, mt_tensor** out) {
  return export_call([&] { return at::meshgrid(mt::list(ts, n), indexing); }, out);
}
