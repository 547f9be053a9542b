// Process-wide settings: threads, seeds, CUDA, grad mode, build facts.
#include <ATen/Parallel.h>
#include <torch/version.h>
#include <ATen/Context.h>
#include <c10/core/GradMode.h>
#include <cstring>
#include "shim.h"

MT_API int mt_get_num_threads() { return at::get_num_threads(); }
MT_API int mt_set_num_threads(int n) { return mt::status([&] { at::set_num_threads(n); }); }
MT_API int mt_set_num_interop_threads(int n) { return mt::status([&] { at::set_num_interop_threads(n); }); }

// Intra-op threads of the calling thread only (data-loader workers run ops single-threaded, as
// PyTorch's DataLoader workers do). OpenMP keeps this count per thread; the weak symbol is null
// when libtorch uses its native pool instead, where the count is process-wide and left alone.
extern "C" void omp_set_num_threads(int) __attribute__((weak));
MT_API int mt_set_num_threads_this_thread(int n) {
  return mt::status([&] {
    TORCH_CHECK(n > 0, "the thread count must be positive, got ", n);
    at::internal::lazy_init_num_threads();  // ATen's own per-thread set-up first, so it cannot undo this
    if (omp_set_num_threads) omp_set_num_threads(n);
  });
}

MT_API int mt_manual_seed(uint64_t seed) {
  return mt::status([&] {
    auto gen = at::detail::getDefaultCPUGenerator();
    std::lock_guard<std::mutex> lock(gen.mutex());
    gen.set_current_seed(seed);
    if (at::globalContext().hasCUDA()) {
      // defaultGenerator(device) exists in libtorch 1.13 and 2.x alike.
      for (int i = 0; i < static_cast<int>(at::detail::getCUDAHooks().getNumGPUs()); ++i) {
        auto g = at::globalContext().defaultGenerator(at::Device(at::kCUDA, static_cast<c10::DeviceIndex>(i)));
        std::lock_guard<std::mutex> l(g.mutex());
        g.set_current_seed(seed);
      }
    }
  });
}

MT_API int mt_cuda_is_available() { return at::globalContext().hasCUDA() ? 1 : 0; }
MT_API int mt_cuda_device_count() {
  return at::globalContext().hasCUDA() ? static_cast<int>(at::detail::getCUDAHooks().getNumGPUs()) : 0;
}
MT_API int mt_cuda_synchronize() {
  return mt::status([&] {
    if (at::globalContext().hasCUDA()) at::detail::getCUDAHooks().deviceSynchronize(-1);
  });
}

MT_API int mt_is_grad_enabled() { return c10::GradMode::is_enabled() ? 1 : 0; }
MT_API void mt_set_grad_enabled(int enabled) { c10::GradMode::set_enabled(enabled != 0); }

// "1.13.1" etc. and the full build configuration (BLAS, OpenMP, oneDNN).
MT_API const char* mt_version() { return TORCH_VERSION; }
MT_API char* mt_build_config() {
  char* out = nullptr;
  mt::guard([&] { out = strdup(at::show_config().c_str()); });
  return out;
}
MT_API char* mt_parallel_info() {
  char* out = nullptr;
  mt::guard([&] { out = strdup(at::get_parallel_info().c_str()); });
  return out;
}

// glibc serves big blocks with mmap and returns them on free; every training step then page-faults its
// activation buffers in again (measured: 2x the minor faults of the same step in Python, backward ~40%
// slower). Pinning the thresholds keeps freed blocks in the heap for the next step.
#ifdef __GLIBC__
#include <malloc.h>
#endif
MT_API int mt_tune_allocator(int64_t mmap_threshold, int64_t trim_threshold) {
#ifdef __GLIBC__
  int ok = mallopt(M_MMAP_THRESHOLD, static_cast<int>(mmap_threshold));
  ok &= mallopt(M_TRIM_THRESHOLD, static_cast<int>(trim_threshold));
  return ok ? 0 : -1;
#else
  return 0;
#endif
}
