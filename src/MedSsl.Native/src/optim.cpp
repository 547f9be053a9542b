// Optimizer steps and gradient clipping. One call per parameter, built from the same ATen ops in
// the same order as PyTorch 1.13's single-tensor loops (torch/optim/sgd.py, adam.py, adamw.py,
// nn/utils/clip_grad.py), so results match PyTorch eager bit for bit while the binding pays one
// ABI crossing per parameter instead of one per op.
#include "shim.h"

#include <cmath>
#include <stdexcept>

namespace {

// Lazy state: a slot the caller passes as null is created here and handed back through it.
at::Tensor& ensure(mt_tensor* slot, const at::Tensor& init) {
  if (!*slot) *slot = new at::Tensor(init);
  return **slot;
}

// Runs a step body; 1 when the parameter stepped, 0 when it has no gradient, -1 on error.
template <class F>
int step_status(F&& body) {
  int stepped = 0;
  bool ok = mt::guard([&] {
    at::NoGradGuard no_grad;
    stepped = body() ? 1 : 0;
  });
  return ok ? stepped : -1;
}

// torch.norm(t, p) as 1.13 calls it: _VF.norm over every dim.
at::Tensor full_norm(const at::Tensor& t, double p) {
  std::vector<int64_t> all(static_cast<size_t>(t.dim()));
  for (int64_t i = 0; i < t.dim(); ++i) all[static_cast<size_t>(i)] = i;
  return at::norm(t, p, all, false);
}

}  // namespace

// SGD with momentum, dampening, Nesterov, L2 weight decay and maximize.
MT_API int mt_sgd_step(mt_tensor param, mt_tensor* momentum_buffer, double lr, double momentum,
                       double dampening, double weight_decay, int nesterov, int maximize) {
  return step_status([&] {
    const at::Tensor& g = param->grad();
    if (!g.defined()) return false;
    at::Tensor d_p = maximize ? g.neg() : g;
    if (weight_decay != 0) d_p = d_p.add(*param, weight_decay);
    if (momentum != 0) {
      if (!*momentum_buffer) {
        ensure(momentum_buffer, d_p.clone().detach());
      } else {
        (*momentum_buffer)->mul_(momentum).add_(d_p, 1 - dampening);
      }
      d_p = nesterov ? d_p.add(**momentum_buffer, momentum) : **momentum_buffer;
    }
    param->add_(d_p, -lr);
    return true;
  });
}

// Adam (decoupled = 0: L2 added to the gradient) and AdamW (decoupled = 1: weight decay on the
// parameter). state = {step, exp_avg, exp_avg_sq, max_exp_avg_sq}; step is a 0-d float32 CPU
// tensor as in PyTorch, max_exp_avg_sq only exists with amsgrad.
MT_API int mt_adam_step(mt_tensor param, mt_tensor* state, double lr, double beta1, double beta2,
                        double eps, double weight_decay, int amsgrad, int maximize, int decoupled) {
  return step_status([&] {
    const at::Tensor& g = param->grad();
    if (!g.defined()) return false;
    at::Tensor& step_t = ensure(&state[0], at::zeros({}, at::kFloat));
    at::Tensor& exp_avg = ensure(&state[1], at::zeros_like(*param, at::MemoryFormat::Preserve));
    at::Tensor& exp_avg_sq = ensure(&state[2], at::zeros_like(*param, at::MemoryFormat::Preserve));

    at::Tensor grad = maximize ? g.neg() : g;
    step_t.add_(1);
    if (decoupled) {
      param->mul_(1 - lr * weight_decay);
    } else if (weight_decay != 0) {
      grad = grad.add(*param, weight_decay);
    }
    exp_avg.mul_(beta1).add_(grad, 1 - beta1);
    exp_avg_sq.mul_(beta2).addcmul_(grad, grad, 1 - beta2);

    const double step = step_t.item<double>();
    const double step_size = lr / (1 - std::pow(beta1, step));
    const double bias_correction2_sqrt = std::sqrt(1 - std::pow(beta2, step));
    at::Tensor denom;
    if (amsgrad) {
      at::Tensor& max_sq = ensure(&state[3], at::zeros_like(*param, at::MemoryFormat::Preserve));
      at::maximum_out(max_sq, max_sq, exp_avg_sq);
      denom = (max_sq.sqrt() / bias_correction2_sqrt).add_(eps);
    } else {
      denom = (exp_avg_sq.sqrt() / bias_correction2_sqrt).add_(eps);
    }
    param->addcdiv_(exp_avg, denom, -step_size);
    return true;
  });
}

// torch.nn.utils.clip_grad_norm_: scales every gradient in place so that their joint p-norm is
// at most max_norm; returns the joint norm before clipping (norm_type may be +inf).
MT_API mt_tensor mt_clip_grad_norm_(const mt_tensor* params, int n, double max_norm, double norm_type,
                                    int error_if_nonfinite) {
  return mt::wrap([&] {
    at::NoGradGuard no_grad;
    std::vector<at::Tensor> grads;
    for (int i = 0; i < n; ++i)
      if (params[i]->grad().defined()) grads.push_back(params[i]->grad());
    if (grads.empty()) return at::zeros({}, at::kFloat);

    const auto device = grads[0].device();
    std::vector<at::Tensor> norms;
    at::Tensor total;
    if (std::isinf(norm_type)) {
      for (const auto& g : grads) norms.push_back(g.detach().abs().max().to(device));
      total = norms.size() == 1 ? norms[0] : at::max(at::stack(norms));
    } else {
      for (const auto& g : grads) norms.push_back(full_norm(g.detach(), norm_type).to(device));
      total = full_norm(at::stack(norms), norm_type);
    }
    if (error_if_nonfinite && at::logical_or(total.isnan(), total.isinf()).item<bool>())
      throw std::runtime_error("clip_grad_norm_: the total norm of order " + std::to_string(norm_type) +
                               " of the gradients is non-finite, so it cannot be clipped "
                               "(pass error_if_nonfinite: false to scale by it anyway)");
    // Python's max_norm / (total + 1e-6) is reciprocal() * max_norm.
    at::Tensor coef = at::clamp((total + 1e-6).reciprocal() * max_norm, c10::nullopt, 1.0);
    for (auto& g : grads) g.detach().mul_(coef.to(g.device()));
    return total;
  });
}
