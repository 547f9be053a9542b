// Element-wise math: unary, binary (tensor and scalar, with broadcasting), in-place, comparisons.
#include "shim.h"

#define MT_UNARY(name)                                                                      \
  MT_API mt_tensor mt_##name(mt_tensor a) { return mt::wrap([&] { return at::name(*a); }); } \
  MT_API int mt_##name##_(mt_tensor a) { return mt::status([&] { a->name##_(); }); }

MT_UNARY(neg)
MT_UNARY(abs)
MT_UNARY(exp)
MT_UNARY(log)
MT_UNARY(log1p)
MT_UNARY(expm1)
MT_UNARY(sqrt)
MT_UNARY(rsqrt)
MT_UNARY(sin)
MT_UNARY(cos)
MT_UNARY(tanh)
MT_UNARY(sigmoid)
MT_UNARY(relu)
MT_UNARY(floor)
MT_UNARY(ceil)
MT_UNARY(round)
MT_UNARY(sign)
MT_UNARY(reciprocal)
MT_UNARY(square)
MT_UNARY(erf)
MT_UNARY(logical_not)
MT_UNARY(trunc)

MT_API mt_tensor mt_isnan(mt_tensor a) { return mt::wrap([&] { return at::isnan(*a); }); }
MT_API mt_tensor mt_isinf(mt_tensor a) { return mt::wrap([&] { return at::isinf(*a); }); }
MT_API mt_tensor mt_isfinite(mt_tensor a) { return mt::wrap([&] { return at::isfinite(*a); }); }
MT_API mt_tensor mt_bitwise_not(mt_tensor a) { return mt::wrap([&] { return at::bitwise_not(*a); }); }

// Binary ops, tensor-tensor ("_t") and tensor-scalar ("_s"), plus in-place forms.
#define MT_BINARY(name)                                                                               \
  MT_API mt_tensor mt_##name##_t(mt_tensor a, mt_tensor b) { return mt::wrap([&] { return at::name(*a, *b); }); } \
  MT_API mt_tensor mt_##name##_s(mt_tensor a, double b) { return mt::wrap([&] { return at::name(*a, mt::scalar(*a, b)); }); }     \
  MT_API int mt_##name##_t_(mt_tensor a, mt_tensor b) { return mt::status([&] { a->name##_(*b); }); }            \
  MT_API int mt_##name##_s_(mt_tensor a, double b) { return mt::status([&] { a->name##_(mt::scalar(*a, b)); }); }

MT_BINARY(mul)
MT_BINARY(div)
MT_BINARY(pow)
MT_BINARY(remainder)
MT_BINARY(fmod)
MT_BINARY(eq)
MT_BINARY(ne)
MT_BINARY(lt)
MT_BINARY(le)
MT_BINARY(gt)
MT_BINARY(ge)
MT_BINARY(bitwise_and)
MT_BINARY(bitwise_or)
MT_BINARY(bitwise_xor)

// add/sub carry alpha: a + alpha*b (PyTorch's signature).
MT_API mt_tensor mt_add_t(mt_tensor a, mt_tensor b, double alpha) { return mt::wrap([&] { return at::add(*a, *b, mt::scalar(*a, alpha)); }); }
MT_API mt_tensor mt_add_s(mt_tensor a, double b, double alpha) { return mt::wrap([&] { return at::add(*a, mt::scalar(*a, b), mt::scalar(*a, alpha)); }); }
MT_API int mt_add_t_(mt_tensor a, mt_tensor b, double alpha) { return mt::status([&] { a->add_(*b, mt::scalar(*a, alpha)); }); }
MT_API int mt_add_s_(mt_tensor a, double b, double alpha) { return mt::status([&] { a->add_(mt::scalar(*a, b), mt::scalar(*a, alpha)); }); }
MT_API mt_tensor mt_sub_t(mt_tensor a, mt_tensor b, double alpha) { return mt::wrap([&] { return at::sub(*a, *b, mt::scalar(*a, alpha)); }); }
MT_API mt_tensor mt_sub_s(mt_tensor a, double b, double alpha) { return mt::wrap([&] { return at::sub(*a, mt::scalar(*a, b), mt::scalar(*a, alpha)); }); }
MT_API int mt_sub_t_(mt_tensor a, mt_tensor b, double alpha) { return mt::status([&] { a->sub_(*b, mt::scalar(*a, alpha)); }); }
MT_API int mt_sub_s_(mt_tensor a, double b, double alpha) { return mt::status([&] { a->sub_(mt::scalar(*a, b), mt::scalar(*a, alpha)); }); }
// scalar - tensor and scalar / tensor, scalar ** tensor.
MT_API mt_tensor mt_rsub_s(mt_tensor a, double b) { return mt::wrap([&] { return at::rsub(*a, mt::scalar(*a, b)); }); }
MT_API mt_tensor mt_rdiv_s(mt_tensor a, double b) { return mt::wrap([&] { return at::reciprocal(*a).mul_(b); }); }
MT_API mt_tensor mt_rpow_s(double a, mt_tensor b) { return mt::wrap([&] { return at::pow(a, *b); }); }

MT_API mt_tensor mt_maximum(mt_tensor a, mt_tensor b) { return mt::wrap([&] { return at::maximum(*a, *b); }); }
MT_API mt_tensor mt_minimum(mt_tensor a, mt_tensor b) { return mt::wrap([&] { return at::minimum(*a, *b); }); }
MT_API mt_tensor mt_atan2(mt_tensor a, mt_tensor b) { return mt::wrap([&] { return at::atan2(*a, *b); }); }
MT_API mt_tensor mt_logical_and(mt_tensor a, mt_tensor b) { return mt::wrap([&] { return at::logical_and(*a, *b); }); }
MT_API mt_tensor mt_logical_or(mt_tensor a, mt_tensor b) { return mt::wrap([&] { return at::logical_or(*a, *b); }); }

// Fused multiply-adds used by optimizers: a += value * b * c, a += value * b / c.
MT_API int mt_addcmul_(mt_tensor a, mt_tensor b, mt_tensor c, double value) {
  return mt::status([&] { a->addcmul_(*b, *c, value); });
}
MT_API int mt_addcdiv_(mt_tensor a, mt_tensor b, mt_tensor c, double value) {
  return mt::status([&] { a->addcdiv_(*b, *c, value); });
}
MT_API int mt_lerp_(mt_tensor a, mt_tensor b, double weight) { return mt::status([&] { a->lerp_(*b, weight); }); }

// clamp with optional bounds: has_min/has_max say which are used.
MT_API mt_tensor mt_clamp(mt_tensor a, double min, int has_min, double max, int has_max) {
  return mt::wrap([&] {
    return at::clamp(*a, has_min ? c10::optional<at::Scalar>(mt::scalar(*a, min)) : c10::nullopt,
                     has_max ? c10::optional<at::Scalar>(mt::scalar(*a, max)) : c10::nullopt);
  });
}
MT_API int mt_clamp_(mt_tensor a, double min, int has_min, double max, int has_max) {
  return mt::status([&] {
    a->clamp_(has_min ? c10::optional<at::Scalar>(mt::scalar(*a, min)) : c10::nullopt,
              has_max ? c10::optional<at::Scalar>(mt::scalar(*a, max)) : c10::nullopt);
  });
}
MT_API mt_tensor mt_where(mt_tensor cond, mt_tensor a, mt_tensor b) {
  return mt::wrap([&] { return at::where(*cond, *a, *b); });
}
MT_API mt_tensor mt_where_s(mt_tensor cond, mt_tensor a, double b) {
  return mt::wrap([&] { return at::where(*cond, *a, mt::scalar(*a, b)); });
}
MT_API int mt_fill_(mt_tensor a, double v) { return mt::status([&] { a->fill_(v); }); }
MT_API int mt_zero_(mt_tensor a) { return mt::status([&] { a->zero_(); }); }
MT_API mt_tensor mt_masked_fill(mt_tensor a, mt_tensor mask, double v) {
  return mt::wrap([&] { return a->masked_fill(*mask, v); });
}
MT_API int mt_masked_fill_(mt_tensor a, mt_tensor mask, double v) {
  return mt::status([&] { a->masked_fill_(*mask, v); });
}
MT_API int mt_allclose(mt_tensor a, mt_tensor b, double rtol, double atol, int equal_nan, int* result) {
  return mt::status([&] { *result = at::allclose(*a, *b, rtol, atol, equal_nan != 0) ? 1 : 0; });
}
MT_API int mt_equal(mt_tensor a, mt_tensor b, int* result) {
  return mt::status([&] { *result = at::equal(*a, *b) ? 1 : 0; });
}

// Matrix products.
MT_API mt_tensor mt_matmul(mt_tensor a, mt_tensor b) { return mt::wrap([&] { return at::matmul(*a, *b); }); }
MT_API mt_tensor mt_mm(mt_tensor a, mt_tensor b) { return mt::wrap([&] { return at::mm(*a, *b); }); }
MT_API mt_tensor mt_bmm(mt_tensor a, mt_tensor b) { return mt::wrap([&] { return at::bmm(*a, *b); }); }
MT_API mt_tensor mt_mv(mt_tensor a, mt_tensor b) { return mt::wrap([&] { return at::mv(*a, *b); }); }
MT_API mt_tensor mt_dot(mt_tensor a, mt_tensor b) { return mt::wrap([&] { return at::dot(*a, *b); }); }
MT_API mt_tensor mt_outer(mt_tensor a, mt_tensor b) { return mt::wrap([&] { return at::outer(*a, *b); }); }
MT_API mt_tensor mt_addmm(mt_tensor bias, mt_tensor a, mt_tensor b, double beta, double alpha) {
  return mt::wrap([&] { return at::addmm(*bias, *a, *b, beta, alpha); });
}
MT_API mt_tensor mt_einsum(const char* equation, const mt_tensor* ts, int n) {
  return mt::wrap([&] { return at::einsum(equation, mt::list(ts, n)); });
}
