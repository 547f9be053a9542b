// Handles, errors, tensor properties and data access.
#include <cstdlib>
#include <cstring>
#include "shim.h"

namespace {
thread_local std::string last_error;
}

namespace mt {
void set_error(const char* message) { last_error = message ? message : ""; }

int export_list(const std::vector<at::Tensor>& v, mt_tensor** out) {
  auto arr = static_cast<mt_tensor*>(std::malloc(sizeof(mt_tensor) * (v.empty() ? 1 : v.size())));
  if (!arr) throw std::bad_alloc();
  for (size_t i = 0; i < v.size(); ++i) arr[i] = new at::Tensor(v[i]);
  *out = arr;
  return static_cast<int>(v.size());
}
}  // namespace mt

MT_API const char* mt_last_error() { return last_error.c_str(); }
MT_API void mt_free(mt_tensor t) { delete t; }
MT_API void mt_free_array(mt_tensor* arr) { std::free(arr); }

MT_API int mt_dim(mt_tensor t) { return static_cast<int>(t->dim()); }
MT_API int mt_sizes(mt_tensor t, int64_t* out, int capacity) {
  auto s = t->sizes();
  for (size_t i = 0; i < s.size() && static_cast<int>(i) < capacity; ++i) out[i] = s[i];
  return static_cast<int>(s.size());
}
MT_API int mt_strides(mt_tensor t, int64_t* out, int capacity) {
  auto s = t->strides();
  for (size_t i = 0; i < s.size() && static_cast<int>(i) < capacity; ++i) out[i] = s[i];
  return static_cast<int>(s.size());
}
MT_API int64_t mt_numel(mt_tensor t) { return t->numel(); }
MT_API int mt_dtype(mt_tensor t) { return static_cast<int>(t->scalar_type()); }
MT_API int mt_device_type(mt_tensor t) { return static_cast<int>(t->device().type()); }
MT_API int mt_device_index(mt_tensor t) { return t->device().index(); }
MT_API int mt_is_contiguous(mt_tensor t, int memory_format) {
  return t->is_contiguous(static_cast<at::MemoryFormat>(memory_format)) ? 1 : 0;
}
MT_API int mt_element_size(int dtype) { return static_cast<int>(c10::elementSize(mt::dtype(dtype))); }

// Copies the tensor's elements (row-major, any layout/device) into dst of nbytes.
MT_API int mt_copy_to(mt_tensor t, void* dst, int64_t nbytes) {
  return mt::status([&] {
    auto c = t->detach().to(at::kCPU).contiguous();
    int64_t need = c.numel() * static_cast<int64_t>(c.element_size());
    TORCH_CHECK(need == nbytes, "destination holds ", nbytes, " bytes but the tensor has ", need);
    if (need > 0) std::memcpy(dst, c.data_ptr(), need);
  });
}

// A new CPU tensor holding a copy of src (row-major) with the given shape and dtype.
MT_API mt_tensor mt_from_data(const void* src, const int64_t* shape, int ndim, int dtype) {
  return mt::wrap([&] {
    auto t = at::empty(mt::dims(shape, ndim), at::TensorOptions().dtype(mt::dtype(dtype)));
    int64_t n = t.numel() * static_cast<int64_t>(t.element_size());
    if (n > 0) std::memcpy(t.data_ptr(), src, n);
    return t;
  });
}

// Raw pointer to contiguous CPU data (for zero-copy reads by the caller); null otherwise.
MT_API void* mt_data_ptr(mt_tensor t) {
  void* p = nullptr;
  mt::guard([&] {
    TORCH_CHECK(t->device().is_cpu() && t->is_contiguous(), "data_ptr needs a contiguous CPU tensor");
    p = t->data_ptr();
  });
  return p;
}

MT_API double mt_item_double(mt_tensor t, int* ok) {
  double v = 0;
  *ok = mt::guard([&] { v = t->item<double>(); }) ? 1 : 0;
  return v;
}
MT_API int64_t mt_item_long(mt_tensor t, int* ok) {
  int64_t v = 0;
  *ok = mt::guard([&] { v = t->item<int64_t>(); }) ? 1 : 0;
  return v;
}

MT_API mt_tensor mt_alias(mt_tensor t) { return mt::wrap([&] { return *t; }); }
MT_API int mt_same_storage(mt_tensor a, mt_tensor b) { return a->is_same(*b) ? 1 : 0; }

// String form as PyTorch prints it (used by ToString for small tensors); caller frees with mt_free_string.
MT_API char* mt_to_string(mt_tensor t) {
  char* out = nullptr;
  mt::guard([&] {
    std::ostringstream os;
    os << *t;
    out = strdup(os.str().c_str());
  });
  return out;
}
MT_API void mt_free_string(char* s) { std::free(s); }
