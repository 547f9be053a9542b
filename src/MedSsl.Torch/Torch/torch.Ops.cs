using MedSsl.Torch.Native;

namespace MedSsl.Torch;

// Function forms of tensor methods, as paper code calls them: torch.exp(x), torch.topk(x, 5).
public static partial class torch
{
    // ---- element-wise ----
    public static Tensor abs(Tensor input) => input.abs();
    public static Tensor neg(Tensor input) => input.neg();
    public static Tensor exp(Tensor input) => input.exp();
    public static Tensor expm1(Tensor input) => input.expm1();
    public static Tensor log(Tensor input) => input.log();
    public static Tensor log1p(Tensor input) => input.log1p();
    public static Tensor sqrt(Tensor input) => input.sqrt();
    public static Tensor rsqrt(Tensor input) => input.rsqrt();
    public static Tensor square(Tensor input) => input.square();
    public static Tensor sin(Tensor input) => input.sin();
    public static Tensor cos(Tensor input) => input.cos();
    public static Tensor tanh(Tensor input) => input.tanh();
    public static Tensor sigmoid(Tensor input) => input.sigmoid();
    public static Tensor erf(Tensor input) => input.erf();
    public static Tensor floor(Tensor input) => input.floor();
    public static Tensor ceil(Tensor input) => input.ceil();
    public static Tensor round(Tensor input) => input.round();
    public static Tensor sign(Tensor input) => input.sign();
    public static Tensor reciprocal(Tensor input) => input.reciprocal();
    public static Tensor isnan(Tensor input) => input.isnan();
    public static Tensor isinf(Tensor input) => input.isinf();
    public static Tensor isfinite(Tensor input) => input.isfinite();
    public static Tensor add(Tensor input, Tensor other, double alpha = 1) => input.add(other, alpha);
    public static Tensor sub(Tensor input, Tensor other, double alpha = 1) => input.sub(other, alpha);
    public static Tensor mul(Tensor input, Tensor other) => input.mul(other);
    public static Tensor div(Tensor input, Tensor other) => input.div(other);
    public static Tensor pow(Tensor input, Tensor exponent) => input.pow(exponent);
    public static Tensor pow(Tensor input, double exponent) => input.pow(exponent);
    public static Tensor maximum(Tensor input, Tensor other) => input.maximum(other);
    public static Tensor minimum(Tensor input, Tensor other) => input.minimum(other);
    public static Tensor clamp(Tensor input, double? min = null, double? max = null) => input.clamp(min, max);
    public static Tensor clip(Tensor input, double? min = null, double? max = null) => input.clamp(min, max);
    public static Tensor masked_fill(Tensor input, Tensor mask, double value) => input.masked_fill(mask, value);
    public static Tensor where(Tensor condition, Tensor input, Tensor other) => input.where(condition, other);
    public static Tensor where(Tensor condition, Tensor input, double other) => input.where(condition, other);
    public static bool allclose(Tensor input, Tensor other, double rtol = 1e-5, double atol = 1e-8, bool equal_nan = false) =>
        input.allclose(other, rtol, atol, equal_nan);
    public static bool equal(Tensor input, Tensor other) => input.equal(other);

    // ---- matrix products ----
    public static Tensor matmul(Tensor input, Tensor other) => input.matmul(other);
    public static Tensor mm(Tensor input, Tensor mat2) => input.mm(mat2);
    public static Tensor bmm(Tensor input, Tensor mat2) => input.bmm(mat2);
    public static Tensor mv(Tensor input, Tensor vec) => input.mv(vec);
    public static Tensor dot(Tensor input, Tensor other) => input.dot(other);
    public static Tensor outer(Tensor input, Tensor vec2) => input.outer(vec2);

    // ---- reductions ----
    public static Tensor sum(Tensor input) => input.sum();
    public static Tensor sum(Tensor input, long dim, bool keepdim = false) => input.sum(dim, keepdim);
    public static Tensor sum(Tensor input, long[] dims, bool keepdim = false) => input.sum(dims, keepdim);
    public static Tensor mean(Tensor input) => input.mean();
    public static Tensor mean(Tensor input, long dim, bool keepdim = false) => input.mean(dim, keepdim);
    public static Tensor mean(Tensor input, long[] dims, bool keepdim = false) => input.mean(dims, keepdim);
    public static Tensor prod(Tensor input) => input.prod();
    public static Tensor std(Tensor input, long[]? dims = null, bool unbiased = true, bool keepdim = false) => input.std(dims, unbiased, keepdim);
    public static Tensor std(Tensor input, long dim, bool unbiased = true, bool keepdim = false) => input.std(dim, unbiased, keepdim);
    public static Tensor var(Tensor input, long[]? dims = null, bool unbiased = true, bool keepdim = false) => input.var(dims, unbiased, keepdim);
    public static Tensor var(Tensor input, long dim, bool unbiased = true, bool keepdim = false) => input.var(dim, unbiased, keepdim);
    public static Tensor norm(Tensor input, double p = 2, long[]? dims = null, bool keepdim = false) => input.norm(p, dims, keepdim);
    public static Tensor max(Tensor input) => input.max();
    public static (Tensor values, Tensor indices) max(Tensor input, long dim, bool keepdim = false) => input.max(dim, keepdim);
    public static Tensor max(Tensor input, Tensor other) => input.maximum(other);
    public static Tensor min(Tensor input) => input.min();
    public static (Tensor values, Tensor indices) min(Tensor input, long dim, bool keepdim = false) => input.min(dim, keepdim);
    public static Tensor min(Tensor input, Tensor other) => input.minimum(other);
    public static Tensor amax(Tensor input, long[] dims, bool keepdim = false) => input.amax(dims, keepdim);
    public static Tensor amin(Tensor input, long[] dims, bool keepdim = false) => input.amin(dims, keepdim);
    public static Tensor argmax(Tensor input, long? dim = null, bool keepdim = false) => input.argmax(dim, keepdim);
    public static Tensor argmin(Tensor input, long? dim = null, bool keepdim = false) => input.argmin(dim, keepdim);
    public static Tensor any(Tensor input) => input.any();
    public static Tensor all(Tensor input) => input.all();
    public static Tensor cumsum(Tensor input, long dim) => input.cumsum(dim);
    public static Tensor cumprod(Tensor input, long dim) => input.cumprod(dim);
    public static Tensor softmax(Tensor input, long dim) => input.softmax(dim);
    public static Tensor log_softmax(Tensor input, long dim) => input.log_softmax(dim);
    public static Tensor logsumexp(Tensor input, long dim, bool keepdim = false) => input.logsumexp(dim, keepdim);
    public static Tensor logsumexp(Tensor input, long[] dims, bool keepdim = false) => input.logsumexp(dims, keepdim);

    // ---- shape ----
    public static Tensor flatten(Tensor input, long start_dim = 0, long end_dim = -1) => input.flatten(start_dim, end_dim);
    public static Tensor reshape(Tensor input, params long[] shape) => input.reshape(shape);
    public static Tensor permute(Tensor input, params long[] dims) => input.permute(dims);
    public static Tensor transpose(Tensor input, long dim0, long dim1) => input.transpose(dim0, dim1);
    public static Tensor squeeze(Tensor input) => input.squeeze();
    public static Tensor squeeze(Tensor input, long dim) => input.squeeze(dim);
    public static Tensor unsqueeze(Tensor input, long dim) => input.unsqueeze(dim);
    public static Tensor narrow(Tensor input, long dim, long start, long length) => input.narrow(dim, start, length);
    public static Tensor flip(Tensor input, params long[] dims) => input.flip(dims);
    public static Tensor roll(Tensor input, long[] shifts, long[] dims) => input.roll(shifts, dims);
    public static Tensor[] split(Tensor tensor, long split_size, long dim = 0) => tensor.split(split_size, dim);
    public static Tensor[] split(Tensor tensor, long[] split_sizes, long dim = 0) => tensor.split(split_sizes, dim);
    public static Tensor[] chunk(Tensor input, long chunks, long dim = 0) => input.chunk(chunks, dim);
    public static Tensor[] tensor_split(Tensor input, long sections, long dim = 0) => input.tensor_split(sections, dim);
    public static Tensor[] unbind(Tensor input, long dim = 0) => input.unbind(dim);

    // ---- indexing and selection ----
    public static Tensor index_select(Tensor input, long dim, Tensor index) => input.index_select(dim, index);
    public static Tensor gather(Tensor input, long dim, Tensor index) => input.gather(dim, index);
    public static Tensor scatter(Tensor input, long dim, Tensor index, Tensor src) => input.scatter(dim, index, src);
    public static Tensor scatter(Tensor input, long dim, Tensor index, double value) => input.scatter(dim, index, value);
    public static Tensor scatter_add(Tensor input, long dim, Tensor index, Tensor src) => input.scatter_add(dim, index, src);
    public static Tensor index_add(Tensor input, long dim, Tensor index, Tensor source, double alpha = 1) => input.index_add(dim, index, source, alpha);
    public static Tensor take(Tensor input, Tensor index) => input.take(index);
    public static Tensor masked_select(Tensor input, Tensor mask) => input.masked_select(mask);
    public static Tensor nonzero(Tensor input) => input.nonzero();
    public static (Tensor values, Tensor indices) sort(Tensor input, long dim = -1, bool descending = false, bool stable = false) =>
        input.sort(dim, descending, stable);
    public static Tensor argsort(Tensor input, long dim = -1, bool descending = false, bool stable = false) => input.argsort(dim, descending, stable);
    public static (Tensor values, Tensor indices) topk(Tensor input, long k, long dim = -1, bool largest = true, bool sorted = true) =>
        input.topk(k, dim, largest, sorted);
    public static (Tensor values, Tensor indices) kthvalue(Tensor input, long k, long dim = -1, bool keepdim = false) => input.kthvalue(k, dim, keepdim);
    public static Tensor median(Tensor input) => input.median();
    public static (Tensor values, Tensor? inverse, Tensor? counts) unique(Tensor input, bool sorted = true, bool return_inverse = false,
                                                                         bool return_counts = false, long? dim = null) =>
        input.unique(sorted, return_inverse, return_counts, dim);
    public static Tensor bincount(Tensor input, Tensor? weights = null, long minlength = 0) => input.bincount(weights, minlength);
    public static Tensor tril(Tensor input, long diagonal = 0) => input.tril(diagonal);
    public static Tensor triu(Tensor input, long diagonal = 0) => input.triu(diagonal);
    public static Tensor diag(Tensor input, long diagonal = 0) => input.diag(diagonal);
    public static Tensor diagonal(Tensor input, long offset = 0, long dim1 = 0, long dim2 = 1) => input.diagonal(offset, dim1, dim2);
    public static Tensor diag_embed(Tensor input, long offset = 0, long dim1 = -2, long dim2 = -1) => input.diag_embed(offset, dim1, dim2);
    public static Tensor trace(Tensor input) => input.trace();

    /// <summary>For each value, the index in the sorted innermost dim where it would be inserted (right: after equal ones).</summary>
    public static Tensor searchsorted(Tensor sorted_sequence, Tensor values, bool out_int32 = false, bool right = false) =>
        Tensor.Wrap(LibNative.mt_searchsorted(sorted_sequence.Handle, values.Handle, out_int32 ? 1 : 0, right ? 1 : 0), sorted_sequence, values);
    /// <summary>The bucket of each input value given 1-D sorted boundaries.</summary>
    public static Tensor bucketize(Tensor input, Tensor boundaries, bool out_int32 = false, bool right = false) =>
        Tensor.Wrap(LibNative.mt_bucketize(input.Handle, boundaries.Handle, out_int32 ? 1 : 0, right ? 1 : 0), input, boundaries);
}
