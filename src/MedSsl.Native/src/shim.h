// Conventions shared by every translation unit of the shim.
//  - Handles: a tensor handle is a heap-allocated at::Tensor*; the C# side owns it
//    through a SafeHandle and frees it with mt_free.
//  - Errors: no C++ exception crosses the ABI. Tensor-returning calls return nullptr
//    on failure, status-returning calls return -1; the message stays in a
//    thread-local string that mt_last_error() hands to C#.
#pragma once
#include <ATen/ATen.h>
#include <cstdint>
#include <string>
#include <vector>

#define MT_API extern "C" __attribute__((visibility("default")))

typedef at::Tensor* mt_tensor;

namespace mt {

void set_error(const char* message);

// Runs f and turns any exception into the thread-local error.
template <class F>
inline bool guard(F&& f) {
  try {
    f();
    return true;
  } catch (const c10::Error& e) {
    set_error(e.what_without_backtrace());
  } catch (const std::exception& e) {
    set_error(e.what());
  } catch (...) {
    set_error("unknown native error");
  }
  return false;
}

// Tensor-returning call: a new handle, or nullptr with the error set.
template <class F>
inline mt_tensor wrap(F&& f) {
  mt_tensor out = nullptr;
  guard([&] { out = new at::Tensor(f()); });
  return out;
}

// Status-returning call: 0, or -1 with the error set.
template <class F>
inline int status(F&& f) {
  return guard(std::forward<F>(f)) ? 0 : -1;
}

inline at::IntArrayRef dims(const int64_t* p, int n) { return at::IntArrayRef(p, static_cast<size_t>(n)); }

inline std::vector<at::Tensor> list(const mt_tensor* ts, int n) {
  std::vector<at::Tensor> v;
  v.reserve(n);
  for (int i = 0; i < n; ++i) v.push_back(*ts[i]);
  return v;
}

inline at::Tensor opt(mt_tensor t) { return t ? *t : at::Tensor(); }

// Scalars cross the ABI as double. A whole number next to an integer or bool tensor acts as a Python
// int (int64), so int64_tensor * 3 stays int64 as in PyTorch; otherwise it is a Python float.
inline at::Scalar scalar(const at::Tensor& like, double v) {
  bool integral_tensor = at::isIntegralType(like.scalar_type(), /*includeBool=*/true);
  if (integral_tensor && v == static_cast<double>(static_cast<int64_t>(v))) return at::Scalar(static_cast<int64_t>(v));
  return at::Scalar(v);
}

inline at::ScalarType dtype(int code) { return static_cast<at::ScalarType>(code); }

inline at::Device device(int type, int index) {
  return at::Device(static_cast<c10::DeviceType>(type), static_cast<c10::DeviceIndex>(index));
}

// Hands a vector of tensors to C#: a malloc'd array of handles, freed with mt_free_array.
int export_list(const std::vector<at::Tensor>& v, mt_tensor** out);

}  // namespace mt
