// Tensor creation, random numbers and conversion between dtypes/devices/layouts.
#include <ATen/core/Generator.h>
#include <ATen/CPUGeneratorImpl.h>
#include "shim.h"

namespace {
// at:: factories ignore TensorOptions::requires_grad (only torch:: ones honour it): set it after creation.
at::TensorOptions options(int dtype, int dev_type, int dev_index, int requires_grad) {
  return at::TensorOptions().dtype(mt::dtype(dtype)).device(mt::device(dev_type, dev_index));
}
mt_tensor leaf(mt_tensor t, int requires_grad) {
  if (t && requires_grad && !mt::guard([&] { t->requires_grad_(true); })) {
    delete t;  // e.g. an integer dtype cannot require grad: report it, keep nothing
    return nullptr;
  }
  return t;
}
c10::optional<at::Generator> gen(at::Generator* g) {
  return g ? c10::optional<at::Generator>(*g) : c10::nullopt;
}
}  // namespace

#define MT_OPTS int dtype, int dev_type, int dev_index, int requires_grad
#define MT_OPTS_ARGS options(dtype, dev_type, dev_index, requires_grad)

MT_API mt_tensor mt_empty(const int64_t* shape, int ndim, MT_OPTS) {
  return leaf(mt::wrap([&] { return at::empty(mt::dims(shape, ndim), MT_OPTS_ARGS); }), requires_grad);
}
MT_API mt_tensor mt_zeros(const int64_t* shape, int ndim, MT_OPTS) {
  return leaf(mt::wrap([&] { return at::zeros(mt::dims(shape, ndim), MT_OPTS_ARGS); }), requires_grad);
}
MT_API mt_tensor mt_ones(const int64_t* shape, int ndim, MT_OPTS) {
  return leaf(mt::wrap([&] { return at::ones(mt::dims(shape, ndim), MT_OPTS_ARGS); }), requires_grad);
}
MT_API mt_tensor mt_full(const int64_t* shape, int ndim, double value, MT_OPTS) {
  return leaf(mt::wrap([&] { return at::full(mt::dims(shape, ndim), value, MT_OPTS_ARGS); }), requires_grad);
}
MT_API mt_tensor mt_arange(double start, double end, double step, MT_OPTS) {
  return leaf(mt::wrap([&] { return at::arange(start, end, step, MT_OPTS_ARGS); }), requires_grad);
}
MT_API mt_tensor mt_linspace(double start, double end, int64_t steps, MT_OPTS) {
  return leaf(mt::wrap([&] { return at::linspace(start, end, steps, MT_OPTS_ARGS); }), requires_grad);
}
MT_API mt_tensor mt_eye(int64_t n, int64_t m, MT_OPTS) {
  return leaf(mt::wrap([&] { return at::eye(n, m, MT_OPTS_ARGS); }), requires_grad);
}

// Random creation; g may be null (the default generator).
MT_API mt_tensor mt_randn(const int64_t* shape, int ndim, at::Generator* g, MT_OPTS) {
  return leaf(mt::wrap([&] { return at::randn(mt::dims(shape, ndim), gen(g), MT_OPTS_ARGS); }), requires_grad);
}
MT_API mt_tensor mt_rand(const int64_t* shape, int ndim, at::Generator* g, MT_OPTS) {
  return leaf(mt::wrap([&] { return at::rand(mt::dims(shape, ndim), gen(g), MT_OPTS_ARGS); }), requires_grad);
}
MT_API mt_tensor mt_randint(int64_t low, int64_t high, const int64_t* shape, int ndim, at::Generator* g, MT_OPTS) {
  return leaf(mt::wrap([&] { return at::randint(low, high, mt::dims(shape, ndim), gen(g), MT_OPTS_ARGS); }), requires_grad);
}
MT_API mt_tensor mt_randperm(int64_t n, at::Generator* g, MT_OPTS) {
  return leaf(mt::wrap([&] { return at::randperm(n, gen(g), MT_OPTS_ARGS); }), requires_grad);
}
// In-place fills from distributions (used by initialisers).
MT_API int mt_uniform_(mt_tensor t, double from, double to, at::Generator* g) {
  return mt::status([&] { t->uniform_(from, to, gen(g)); });
}
MT_API int mt_normal_(mt_tensor t, double mean, double std, at::Generator* g) {
  return mt::status([&] { t->normal_(mean, std, gen(g)); });
}
MT_API int mt_bernoulli_(mt_tensor t, double p, at::Generator* g) {
  return mt::status([&] { t->bernoulli_(p, gen(g)); });
}
MT_API mt_tensor mt_multinomial(mt_tensor probs, int64_t n, int replacement, at::Generator* g) {
  return mt::wrap([&] { return at::multinomial(*probs, n, replacement != 0, gen(g)); });
}

// Generators: explicit random streams for reproducible data pipelines.
MT_API at::Generator* mt_generator_new(uint64_t seed) {
  at::Generator* out = nullptr;
  mt::guard([&] { out = new at::Generator(at::make_generator<at::CPUGeneratorImpl>(seed)); });
  return out;
}
MT_API void mt_generator_free(at::Generator* g) { delete g; }
MT_API int mt_generator_seed(at::Generator* g, uint64_t seed) {
  return mt::status([&] { std::lock_guard<std::mutex> l(g->mutex()); g->set_current_seed(seed); });
}
MT_API uint64_t mt_generator_initial_seed(at::Generator* g) { return g->current_seed(); }
MT_API mt_tensor mt_generator_get_state(at::Generator* g) { return mt::wrap([&] { return g->get_state(); }); }
MT_API int mt_generator_set_state(at::Generator* g, mt_tensor state) {
  return mt::status([&] { std::lock_guard<std::mutex> l(g->mutex()); g->set_state(*state); });
}
MT_API mt_tensor mt_default_generator_get_state() {
  return mt::wrap([&] { return at::detail::getDefaultCPUGenerator().get_state(); });
}
MT_API int mt_default_generator_set_state(mt_tensor state) {
  return mt::status([&] {
    auto g = at::detail::getDefaultCPUGenerator();
    std::lock_guard<std::mutex> l(g.mutex());
    g.set_state(*state);
  });
}

// Conversions. memory_format: 0 contiguous, 1 preserve, 2 channels_last (c10 codes).
MT_API mt_tensor mt_to(mt_tensor t, int dtype, int dev_type, int dev_index, int non_blocking, int copy) {
  return mt::wrap([&] {
    return t->to(mt::device(dev_type, dev_index), mt::dtype(dtype), non_blocking != 0, copy != 0);
  });
}
MT_API mt_tensor mt_contiguous(mt_tensor t, int memory_format) {
  return mt::wrap([&] { return t->contiguous(static_cast<at::MemoryFormat>(memory_format)); });
}
MT_API mt_tensor mt_to_memory_format(mt_tensor t, int memory_format) {
  return mt::wrap([&] {
    return t->to(t->options(), false, false, static_cast<at::MemoryFormat>(memory_format));
  });
}
MT_API mt_tensor mt_pin_memory(mt_tensor t) { return mt::wrap([&] { return t->pin_memory(); }); }
MT_API mt_tensor mt_clone(mt_tensor t) { return mt::wrap([&] { return t->clone(); }); }
MT_API int mt_copy_(mt_tensor dst, mt_tensor src, int non_blocking) {
  return mt::status([&] { dst->copy_(*src, non_blocking != 0); });
}
MT_API mt_tensor mt_zeros_like(mt_tensor t) { return mt::wrap([&] { return at::zeros_like(*t); }); }
MT_API mt_tensor mt_ones_like(mt_tensor t) { return mt::wrap([&] { return at::ones_like(*t); }); }
MT_API mt_tensor mt_empty_like(mt_tensor t) { return mt::wrap([&] { return at::empty_like(*t); }); }
MT_API mt_tensor mt_full_like(mt_tensor t, double v) { return mt::wrap([&] { return at::full_like(*t, v); }); }
MT_API mt_tensor mt_randn_like(mt_tensor t) { return mt::wrap([&] { return at::randn_like(*t); }); }
MT_API mt_tensor mt_rand_like(mt_tensor t) { return mt::wrap([&] { return at::rand_like(*t); }); }
