// torch.nn.functional normalisation layers and F.normalize.
#include "shim.h"

// Updates running_mean/running_var in place when training (PyTorch's contract).
MT_API mt_tensor mt_nn_batch_norm(mt_tensor input, mt_tensor running_mean, mt_tensor running_var, mt_tensor weight,
                                  mt_tensor bias, int training, double momentum, double eps) {
  return mt::wrap([&] {
    return at::batch_norm(*input, mt::opt(weight), mt::opt(bias), mt::opt(running_mean), mt::opt(running_var),
                          training != 0, momentum, eps, /*cudnn_enabled=*/true);
  });
}

MT_API mt_tensor mt_nn_group_norm(mt_tensor input, int64_t num_groups, mt_tensor weight, mt_tensor bias, double eps) {
  return mt::wrap([&] { return at::group_norm(*input, num_groups, mt::opt(weight), mt::opt(bias), eps, true); });
}

MT_API mt_tensor mt_nn_layer_norm(mt_tensor input, const int64_t* shape, int n, mt_tensor weight, mt_tensor bias,
                                  double eps) {
  return mt::wrap([&] { return at::layer_norm(*input, mt::dims(shape, n), mt::opt(weight), mt::opt(bias), eps, true); });
}

// x / max(||x||_p, eps) along dim, exactly as F.normalize (eps clamps the norm, it is not added).
MT_API mt_tensor mt_nn_normalize(mt_tensor input, double p, int64_t dim, double eps) {
  return mt::wrap([&] {
    auto denom = input->norm(p, dim, /*keepdim=*/true).clamp_min(eps).expand_as(*input);
    return *input / denom;
  });
}

// BatchNorm's num_batches_tracked += 1, with an integer scalar (a double would not cast to int64).
MT_API int mt_nn_count_batch_(mt_tensor counter) { return mt::status([&] { counter->add_(1); }); }
