using MedSsl.Torch.Native;

namespace MedSsl.Torch;

// Element-wise math and operators (math.cpp). Methods ending in _ work in place and return this.
public partial class Tensor
{
    // ---- unary ----
    public Tensor neg() => Wrap(LibNative.mt_neg(Handle), this);
    public Tensor neg_() { Check(LibNative.mt_neg_(Handle), this); return this; }
    public Tensor abs() => Wrap(LibNative.mt_abs(Handle), this);
    public Tensor abs_() { Check(LibNative.mt_abs_(Handle), this); return this; }
    public Tensor exp() => Wrap(LibNative.mt_exp(Handle), this);
    public Tensor exp_() { Check(LibNative.mt_exp_(Handle), this); return this; }
    public Tensor log() => Wrap(LibNative.mt_log(Handle), this);
    public Tensor log_() { Check(LibNative.mt_log_(Handle), this); return this; }
    public Tensor log1p() => Wrap(LibNative.mt_log1p(Handle), this);
    public Tensor log1p_() { Check(LibNative.mt_log1p_(Handle), this); return this; }
    public Tensor expm1() => Wrap(LibNative.mt_expm1(Handle), this);
    public Tensor expm1_() { Check(LibNative.mt_expm1_(Handle), this); return this; }
    public Tensor sqrt() => Wrap(LibNative.mt_sqrt(Handle), this);
    public Tensor sqrt_() { Check(LibNative.mt_sqrt_(Handle), this); return this; }
    public Tensor rsqrt() => Wrap(LibNative.mt_rsqrt(Handle), this);
    public Tensor rsqrt_() { Check(LibNative.mt_rsqrt_(Handle), this); return this; }
    public Tensor sin() => Wrap(LibNative.mt_sin(Handle), this);
    public Tensor sin_() { Check(LibNative.mt_sin_(Handle), this); return this; }
    public Tensor cos() => Wrap(LibNative.mt_cos(Handle), this);
    public Tensor cos_() { Check(LibNative.mt_cos_(Handle), this); return this; }
    public Tensor tanh() => Wrap(LibNative.mt_tanh(Handle), this);
    public Tensor tanh_() { Check(LibNative.mt_tanh_(Handle), this); return this; }
    public Tensor sigmoid() => Wrap(LibNative.mt_sigmoid(Handle), this);
    public Tensor sigmoid_() { Check(LibNative.mt_sigmoid_(Handle), this); return this; }
    public Tensor relu() => Wrap(LibNative.mt_relu(Handle), this);
    public Tensor relu_() { Check(LibNative.mt_relu_(Handle), this); return this; }
    public Tensor floor() => Wrap(LibNative.mt_floor(Handle), this);
    public Tensor floor_() { Check(LibNative.mt_floor_(Handle), this); return this; }
    public Tensor ceil() => Wrap(LibNative.mt_ceil(Handle), this);
    public Tensor ceil_() { Check(LibNative.mt_ceil_(Handle), this); return this; }
    public Tensor round() => Wrap(LibNative.mt_round(Handle), this);
    public Tensor round_() { Check(LibNative.mt_round_(Handle), this); return this; }
    public Tensor sign() => Wrap(LibNative.mt_sign(Handle), this);
    public Tensor sign_() { Check(LibNative.mt_sign_(Handle), this); return this; }
    public Tensor reciprocal() => Wrap(LibNative.mt_reciprocal(Handle), this);
    public Tensor reciprocal_() { Check(LibNative.mt_reciprocal_(Handle), this); return this; }
    public Tensor square() => Wrap(LibNative.mt_square(Handle), this);
    public Tensor square_() { Check(LibNative.mt_square_(Handle), this); return this; }
    public Tensor erf() => Wrap(LibNative.mt_erf(Handle), this);
    public Tensor erf_() { Check(LibNative.mt_erf_(Handle), this); return this; }
    public Tensor logical_not() => Wrap(LibNative.mt_logical_not(Handle), this);
    public Tensor logical_not_() { Check(LibNative.mt_logical_not_(Handle), this); return this; }
    public Tensor trunc() => Wrap(LibNative.mt_trunc(Handle), this);
    public Tensor trunc_() { Check(LibNative.mt_trunc_(Handle), this); return this; }
    public Tensor isnan() => Wrap(LibNative.mt_isnan(Handle), this);
    public Tensor isinf() => Wrap(LibNative.mt_isinf(Handle), this);
    public Tensor isfinite() => Wrap(LibNative.mt_isfinite(Handle), this);
    public Tensor bitwise_not() => Wrap(LibNative.mt_bitwise_not(Handle), this);

    // ---- binary, broadcasting; scalars as double ----
    public Tensor mul(Tensor other) => Wrap(LibNative.mt_mul_t(Handle, other.Handle), this, other);
    public Tensor mul(double other) => Wrap(LibNative.mt_mul_s(Handle, other), this);
    public Tensor mul_(Tensor other) { Check(LibNative.mt_mul_t_(Handle, other.Handle), this, other); return this; }
    public Tensor mul_(double other) { Check(LibNative.mt_mul_s_(Handle, other), this); return this; }
    public Tensor div(Tensor other) => Wrap(LibNative.mt_div_t(Handle, other.Handle), this, other);
    public Tensor div(double other) => Wrap(LibNative.mt_div_s(Handle, other), this);
    public Tensor div_(Tensor other) { Check(LibNative.mt_div_t_(Handle, other.Handle), this, other); return this; }
    public Tensor div_(double other) { Check(LibNative.mt_div_s_(Handle, other), this); return this; }
    public Tensor pow(Tensor other) => Wrap(LibNative.mt_pow_t(Handle, other.Handle), this, other);
    public Tensor pow(double other) => Wrap(LibNative.mt_pow_s(Handle, other), this);
    public Tensor pow_(Tensor other) { Check(LibNative.mt_pow_t_(Handle, other.Handle), this, other); return this; }
    public Tensor pow_(double other) { Check(LibNative.mt_pow_s_(Handle, other), this); return this; }
    public Tensor remainder(Tensor other) => Wrap(LibNative.mt_remainder_t(Handle, other.Handle), this, other);
    public Tensor remainder(double other) => Wrap(LibNative.mt_remainder_s(Handle, other), this);
    public Tensor remainder_(Tensor other) { Check(LibNative.mt_remainder_t_(Handle, other.Handle), this, other); return this; }
    public Tensor remainder_(double other) { Check(LibNative.mt_remainder_s_(Handle, other), this); return this; }
    public Tensor fmod(Tensor other) => Wrap(LibNative.mt_fmod_t(Handle, other.Handle), this, other);
    public Tensor fmod(double other) => Wrap(LibNative.mt_fmod_s(Handle, other), this);
    public Tensor fmod_(Tensor other) { Check(LibNative.mt_fmod_t_(Handle, other.Handle), this, other); return this; }
    public Tensor fmod_(double other) { Check(LibNative.mt_fmod_s_(Handle, other), this); return this; }
    public Tensor eq(Tensor other) => Wrap(LibNative.mt_eq_t(Handle, other.Handle), this, other);
    public Tensor eq(double other) => Wrap(LibNative.mt_eq_s(Handle, other), this);
    public Tensor eq_(Tensor other) { Check(LibNative.mt_eq_t_(Handle, other.Handle), this, other); return this; }
    public Tensor eq_(double other) { Check(LibNative.mt_eq_s_(Handle, other), this); return this; }
    public Tensor ne(Tensor other) => Wrap(LibNative.mt_ne_t(Handle, other.Handle), this, other);
    public Tensor ne(double other) => Wrap(LibNative.mt_ne_s(Handle, other), this);
    public Tensor ne_(Tensor other) { Check(LibNative.mt_ne_t_(Handle, other.Handle), this, other); return this; }
    public Tensor ne_(double other) { Check(LibNative.mt_ne_s_(Handle, other), this); return this; }
    public Tensor lt(Tensor other) => Wrap(LibNative.mt_lt_t(Handle, other.Handle), this, other);
    public Tensor lt(double other) => Wrap(LibNative.mt_lt_s(Handle, other), this);
    public Tensor lt_(Tensor other) { Check(LibNative.mt_lt_t_(Handle, other.Handle), this, other); return this; }
    public Tensor lt_(double other) { Check(LibNative.mt_lt_s_(Handle, other), this); return this; }
    public Tensor le(Tensor other) => Wrap(LibNative.mt_le_t(Handle, other.Handle), this, other);
    public Tensor le(double other) => Wrap(LibNative.mt_le_s(Handle, other), this);
    public Tensor le_(Tensor other) { Check(LibNative.mt_le_t_(Handle, other.Handle), this, other); return this; }
    public Tensor le_(double other) { Check(LibNative.mt_le_s_(Handle, other), this); return this; }
    public Tensor gt(Tensor other) => Wrap(LibNative.mt_gt_t(Handle, other.Handle), this, other);
    public Tensor gt(double other) => Wrap(LibNative.mt_gt_s(Handle, other), this);
    public Tensor gt_(Tensor other) { Check(LibNative.mt_gt_t_(Handle, other.Handle), this, other); return this; }
    public Tensor gt_(double other) { Check(LibNative.mt_gt_s_(Handle, other), this); return this; }
    public Tensor ge(Tensor other) => Wrap(LibNative.mt_ge_t(Handle, other.Handle), this, other);
    public Tensor ge(double other) => Wrap(LibNative.mt_ge_s(Handle, other), this);
    public Tensor ge_(Tensor other) { Check(LibNative.mt_ge_t_(Handle, other.Handle), this, other); return this; }
    public Tensor ge_(double other) { Check(LibNative.mt_ge_s_(Handle, other), this); return this; }
    public Tensor bitwise_and(Tensor other) => Wrap(LibNative.mt_bitwise_and_t(Handle, other.Handle), this, other);
    public Tensor bitwise_and(double other) => Wrap(LibNative.mt_bitwise_and_s(Handle, other), this);
    public Tensor bitwise_and_(Tensor other) { Check(LibNative.mt_bitwise_and_t_(Handle, other.Handle), this, other); return this; }
    public Tensor bitwise_and_(double other) { Check(LibNative.mt_bitwise_and_s_(Handle, other), this); return this; }
    public Tensor bitwise_or(Tensor other) => Wrap(LibNative.mt_bitwise_or_t(Handle, other.Handle), this, other);
    public Tensor bitwise_or(double other) => Wrap(LibNative.mt_bitwise_or_s(Handle, other), this);
    public Tensor bitwise_or_(Tensor other) { Check(LibNative.mt_bitwise_or_t_(Handle, other.Handle), this, other); return this; }
    public Tensor bitwise_or_(double other) { Check(LibNative.mt_bitwise_or_s_(Handle, other), this); return this; }
    public Tensor bitwise_xor(Tensor other) => Wrap(LibNative.mt_bitwise_xor_t(Handle, other.Handle), this, other);
    public Tensor bitwise_xor(double other) => Wrap(LibNative.mt_bitwise_xor_s(Handle, other), this);
    public Tensor bitwise_xor_(Tensor other) { Check(LibNative.mt_bitwise_xor_t_(Handle, other.Handle), this, other); return this; }
    public Tensor bitwise_xor_(double other) { Check(LibNative.mt_bitwise_xor_s_(Handle, other), this); return this; }
    public Tensor add(Tensor other, double alpha = 1) => Wrap(LibNative.mt_add_t(Handle, other.Handle, alpha), this, other);
    public Tensor add(double other, double alpha = 1) => Wrap(LibNative.mt_add_s(Handle, other, alpha), this);
    public Tensor add_(Tensor other, double alpha = 1) { Check(LibNative.mt_add_t_(Handle, other.Handle, alpha), this, other); return this; }
    public Tensor add_(double other, double alpha = 1) { Check(LibNative.mt_add_s_(Handle, other, alpha), this); return this; }
    public Tensor sub(Tensor other, double alpha = 1) => Wrap(LibNative.mt_sub_t(Handle, other.Handle, alpha), this, other);
    public Tensor sub(double other, double alpha = 1) => Wrap(LibNative.mt_sub_s(Handle, other, alpha), this);
    public Tensor sub_(Tensor other, double alpha = 1) { Check(LibNative.mt_sub_t_(Handle, other.Handle, alpha), this, other); return this; }
    public Tensor sub_(double other, double alpha = 1) { Check(LibNative.mt_sub_s_(Handle, other, alpha), this); return this; }
    public Tensor maximum(Tensor other) => Wrap(LibNative.mt_maximum(Handle, other.Handle), this, other);
    public Tensor minimum(Tensor other) => Wrap(LibNative.mt_minimum(Handle, other.Handle), this, other);
    public Tensor atan2(Tensor other) => Wrap(LibNative.mt_atan2(Handle, other.Handle), this, other);
    public Tensor logical_and(Tensor other) => Wrap(LibNative.mt_logical_and(Handle, other.Handle), this, other);
    public Tensor logical_or(Tensor other) => Wrap(LibNative.mt_logical_or(Handle, other.Handle), this, other);

    /// <summary>this += value * t1 * t2 (in place).</summary>
    public Tensor addcmul_(Tensor t1, Tensor t2, double value = 1) { Check(LibNative.mt_addcmul_(Handle, t1.Handle, t2.Handle, value), this, t1, t2); return this; }
    /// <summary>this += value * t1 / t2 (in place).</summary>
    public Tensor addcdiv_(Tensor t1, Tensor t2, double value = 1) { Check(LibNative.mt_addcdiv_(Handle, t1.Handle, t2.Handle, value), this, t1, t2); return this; }
    public Tensor lerp_(Tensor end, double weight) { Check(LibNative.mt_lerp_(Handle, end.Handle, weight), this, end); return this; }

    public Tensor clamp(double? min = null, double? max = null) =>
        Wrap(LibNative.mt_clamp(Handle, min ?? 0, min is null ? 0 : 1, max ?? 0, max is null ? 0 : 1), this);
    public Tensor clamp_(double? min = null, double? max = null)
    {
        Check(LibNative.mt_clamp_(Handle, min ?? 0, min is null ? 0 : 1, max ?? 0, max is null ? 0 : 1), this);
        return this;
    }
    public Tensor clamp_min(double min) => clamp(min: min);
    public Tensor clamp_max(double max) => clamp(max: max);

    public Tensor fill_(double value) { Check(LibNative.mt_fill_(Handle, value), this); return this; }
    public Tensor zero_() { Check(LibNative.mt_zero_(Handle), this); return this; }
    public Tensor masked_fill(Tensor mask, double value) => Wrap(LibNative.mt_masked_fill(Handle, mask.Handle, value), this, mask);
    public Tensor masked_fill_(Tensor mask, double value) { Check(LibNative.mt_masked_fill_(Handle, mask.Handle, value), this, mask); return this; }

    public bool allclose(Tensor other, double rtol = 1e-5, double atol = 1e-8, bool equal_nan = false)
    {
        Check(LibNative.mt_allclose(Handle, other.Handle, rtol, atol, equal_nan ? 1 : 0, out var r), this, other);
        return r != 0;
    }
    /// <summary>Same shape and elements (torch.equal).</summary>
    public bool equal(Tensor other)
    {
        Check(LibNative.mt_equal(Handle, other.Handle, out var r), this, other);
        return r != 0;
    }

    // ---- matrix products ----
    public Tensor matmul(Tensor other) => Wrap(LibNative.mt_matmul(Handle, other.Handle), this, other);
    public Tensor mm(Tensor other) => Wrap(LibNative.mt_mm(Handle, other.Handle), this, other);
    public Tensor bmm(Tensor other) => Wrap(LibNative.mt_bmm(Handle, other.Handle), this, other);
    public Tensor mv(Tensor other) => Wrap(LibNative.mt_mv(Handle, other.Handle), this, other);
    public Tensor dot(Tensor other) => Wrap(LibNative.mt_dot(Handle, other.Handle), this, other);
    public Tensor outer(Tensor other) => Wrap(LibNative.mt_outer(Handle, other.Handle), this, other);

    // ---- operators (C# has no in-place operators: use add_ etc.) ----
    public static Tensor operator +(Tensor a, Tensor b) => a.add(b);
    public static Tensor operator +(Tensor a, double b) => a.add(b);
    public static Tensor operator +(double a, Tensor b) => b.add(a);
    public static Tensor operator -(Tensor a, Tensor b) => a.sub(b);
    public static Tensor operator -(Tensor a, double b) => a.sub(b);
    public static Tensor operator -(double a, Tensor b) => Wrap(LibNative.mt_rsub_s(b.Handle, a), b, op: "rsub");
    public static Tensor operator -(Tensor a) => a.neg();
    public static Tensor operator *(Tensor a, Tensor b) => a.mul(b);
    public static Tensor operator *(Tensor a, double b) => a.mul(b);
    public static Tensor operator *(double a, Tensor b) => b.mul(a);
    public static Tensor operator /(Tensor a, Tensor b) => a.div(b);
    public static Tensor operator /(Tensor a, double b) => a.div(b);
    public static Tensor operator /(double a, Tensor b) => Wrap(LibNative.mt_rdiv_s(b.Handle, a), b, op: "rdiv");
    public static Tensor operator %(Tensor a, Tensor b) => a.remainder(b);
    public static Tensor operator %(Tensor a, double b) => a.remainder(b);
    public static Tensor operator &(Tensor a, Tensor b) => a.bitwise_and(b);
    public static Tensor operator |(Tensor a, Tensor b) => a.bitwise_or(b);
    public static Tensor operator ^(Tensor a, Tensor b) => a.bitwise_xor(b);
    public static Tensor operator ~(Tensor a) => a.bitwise_not();
    public static Tensor operator <(Tensor a, Tensor b) => a.lt(b);
    public static Tensor operator >(Tensor a, Tensor b) => a.gt(b);
    public static Tensor operator <=(Tensor a, Tensor b) => a.le(b);
    public static Tensor operator >=(Tensor a, Tensor b) => a.ge(b);
    public static Tensor operator <(Tensor a, double b) => a.lt(b);
    public static Tensor operator >(Tensor a, double b) => a.gt(b);
    public static Tensor operator <=(Tensor a, double b) => a.le(b);
    public static Tensor operator >=(Tensor a, double b) => a.ge(b);
}
