// Autograd on tensors: requires_grad, backward, grad, detach.
#include "shim.h"

MT_API int mt_requires_grad(mt_tensor t) { return t->requires_grad() ? 1 : 0; }
MT_API int mt_set_requires_grad(mt_tensor t, int value) {
  return mt::status([&] { t->requires_grad_(value != 0); });
}
MT_API int mt_is_leaf(mt_tensor t) { return t->is_leaf() ? 1 : 0; }

// grad may be undefined: *out is null then, and the call still succeeds.
MT_API int mt_grad(mt_tensor t, mt_tensor* out) {
  return mt::status([&] {
    const auto& g = t->grad();
    *out = g.defined() ? new at::Tensor(g) : nullptr;
  });
}
MT_API int mt_set_grad(mt_tensor t, mt_tensor grad) {
  return mt::status([&] { t->mutable_grad() = grad ? *grad : at::Tensor(); });
}
MT_API int mt_zero_grad(mt_tensor t, int set_to_none) {
  return mt::status([&] {
    auto& g = t->mutable_grad();
    if (!g.defined()) return;
    if (set_to_none) {
      g.reset();
    } else {
      if (g.grad_fn()) g = g.detach();
      g.requires_grad_(false);
      g.zero_();
    }
  });
}
MT_API int mt_backward(mt_tensor t, mt_tensor gradient, int retain_graph, int create_graph) {
  return mt::status([&] {
    t->backward(mt::opt(gradient), retain_graph < 0 ? c10::nullopt : c10::optional<bool>(retain_graph != 0),
                create_graph != 0);
  });
}
MT_API int mt_retain_grad(mt_tensor t) { return mt::status([&] { t->retain_grad(); }); }
MT_API mt_tensor mt_detach(mt_tensor t) { return mt::wrap([&] { return t->detach(); }); }
MT_API int mt_detach_(mt_tensor t) { return mt::status([&] { t->detach_(); }); }
// Whether t was produced by a differentiable op (non-leaf with a graph node).
MT_API int mt_has_grad_fn(mt_tensor t) { return t->grad_fn() ? 1 : 0; }
