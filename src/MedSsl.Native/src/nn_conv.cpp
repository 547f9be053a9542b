// torch.nn.functional: linear, conv2d and 2-D pooling. Pairs (stride, padding, ...) arrive as
// int64[2]; an empty stride for pooling means "= kernel_size", as in PyTorch.
#include "shim.h"

MT_API mt_tensor mt_nn_linear(mt_tensor input, mt_tensor weight, mt_tensor bias) {
  return mt::wrap([&] { return at::linear(*input, *weight, mt::opt(bias)); });
}

MT_API mt_tensor mt_nn_conv2d(mt_tensor input, mt_tensor weight, mt_tensor bias, const int64_t* stride,
                              const int64_t* padding, const int64_t* dilation, int64_t groups) {
  return mt::wrap([&] {
    return at::conv2d(*input, *weight, mt::opt(bias), mt::dims(stride, 2), mt::dims(padding, 2),
                      mt::dims(dilation, 2), groups);
  });
}

// padding = "same" or "valid" (PyTorch's string form).
MT_API mt_tensor mt_nn_conv2d_padmode(mt_tensor input, mt_tensor weight, mt_tensor bias, const int64_t* stride,
                                      const char* padding, const int64_t* dilation, int64_t groups) {
  return mt::wrap([&] {
    return at::conv2d(*input, *weight, mt::opt(bias), mt::dims(stride, 2), c10::string_view(padding),
                      mt::dims(dilation, 2), groups);
  });
}

MT_API mt_tensor mt_nn_max_pool2d(mt_tensor input, const int64_t* kernel, const int64_t* stride, int n_stride,
                                  const int64_t* padding, const int64_t* dilation, int ceil_mode) {
  return mt::wrap([&] {
    return at::max_pool2d(*input, mt::dims(kernel, 2), mt::dims(stride, n_stride), mt::dims(padding, 2),
                          mt::dims(dilation, 2), ceil_mode != 0);
  });
}

// divisor_override <= 0 means none.
MT_API mt_tensor mt_nn_avg_pool2d(mt_tensor input, const int64_t* kernel, const int64_t* stride, int n_stride,
                                  const int64_t* padding, int ceil_mode, int count_include_pad,
                                  int64_t divisor_override) {
  return mt::wrap([&] {
    auto divisor = divisor_override > 0 ? c10::optional<int64_t>(divisor_override) : c10::nullopt;
    return at::avg_pool2d(*input, mt::dims(kernel, 2), mt::dims(stride, n_stride), mt::dims(padding, 2),
                          ceil_mode != 0, count_include_pad != 0, divisor);
  });
}

MT_API mt_tensor mt_nn_adaptive_avg_pool2d(mt_tensor input, const int64_t* output_size) {
  return mt::wrap([&] { return at::adaptive_avg_pool2d(*input, mt::dims(output_size, 2)); });
}

MT_API mt_tensor mt_nn_adaptive_max_pool2d(mt_tensor input, const int64_t* output_size) {
  return mt::wrap([&] { return std::get<0>(at::adaptive_max_pool2d(*input, mt::dims(output_size, 2))); });
}
