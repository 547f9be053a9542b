// torch.nn.functional losses. reduction: 0 none, 1 mean, 2 sum (at::Reduction's codes).
#include "shim.h"

// Class-index targets (int64) or class-probability targets (float, same shape as input).
MT_API mt_tensor mt_nn_cross_entropy(mt_tensor input, mt_tensor target, mt_tensor weight, int64_t reduction,
                                     int64_t ignore_index, double label_smoothing) {
  return mt::wrap([&] {
    return at::cross_entropy_loss(*input, *target, mt::opt(weight), reduction, ignore_index, label_smoothing);
  });
}

MT_API mt_tensor mt_nn_nll_loss(mt_tensor input, mt_tensor target, mt_tensor weight, int64_t reduction,
                                int64_t ignore_index) {
  return mt::wrap([&] { return at::nll_loss_nd(*input, *target, mt::opt(weight), reduction, ignore_index); });
}

MT_API mt_tensor mt_nn_bce_with_logits(mt_tensor input, mt_tensor target, mt_tensor weight, mt_tensor pos_weight,
                                       int64_t reduction) {
  return mt::wrap([&] {
    return at::binary_cross_entropy_with_logits(*input, *target, mt::opt(weight), mt::opt(pos_weight), reduction);
  });
}

MT_API mt_tensor mt_nn_mse_loss(mt_tensor input, mt_tensor target, int64_t reduction) {
  return mt::wrap([&] { return at::mse_loss(*input, *target, reduction); });
}

MT_API mt_tensor mt_nn_l1_loss(mt_tensor input, mt_tensor target, int64_t reduction) {
  return mt::wrap([&] { return at::l1_loss(*input, *target, reduction); });
}
