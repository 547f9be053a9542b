// Support for nn.Module: moving parameters in place and initialisers that need a generator.
#include "shim.h"

namespace {
c10::optional<at::Generator> gen(at::Generator* g) {
  return g ? c10::optional<at::Generator>(*g) : c10::nullopt;
}
}  // namespace

// Module.to: swaps the tensor's storage for a converted copy, keeping the same TensorImpl, so every
// handle to it (the Parameter object, an optimizer's list) sees the move; its grad moves too.
// Like PyTorch, dtype applies to floating-point tensors only (num_batches_tracked stays int64).
MT_API int mt_nn_set_data_to(mt_tensor t, int dtype, int dev_type, int dev_index, int non_blocking) {
  return mt::status([&] {
    at::NoGradGuard no_grad;
    auto convert = [&](const at::Tensor& x) {
      auto dt = dtype >= 0 && x.is_floating_point() ? mt::dtype(dtype) : x.scalar_type();
      auto dev = dev_type >= 0 ? mt::device(dev_type, dev_index) : x.device();
      return x.to(dev, dt, non_blocking != 0, /*copy=*/false);
    };
    t->set_data(convert(*t));
    auto& g = t->mutable_grad();
    if (g.defined()) g = convert(g);
  });
}

// nn.init.trunc_normal_: inverse-CDF sampling, the same steps (and random stream) as PyTorch.
MT_API int mt_nn_trunc_normal_(mt_tensor t, double mean, double std, double a, double b, at::Generator* g) {
  return mt::status([&] {
    at::NoGradGuard no_grad;
    auto cdf = [](double x) { return (1.0 + std::erf(x / std::sqrt(2.0))) / 2.0; };
    double l = cdf((a - mean) / std), u = cdf((b - mean) / std);
    t->uniform_(2 * l - 1, 2 * u - 1, gen(g));
    t->erfinv_();
    t->mul_(std * std::sqrt(2.0));
    t->add_(mean);
    t->clamp_(a, b);
  });
}
