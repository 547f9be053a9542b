#!/usr/bin/python3
"""Writes Golden/ops/ops_goldens.json: fixed inputs and PyTorch's outputs for a few dozen ops.

Run with Debian's PyTorch: /usr/bin/python3 make_ops_goldens.py
GoldenOpsTests.cs replays every case by name with the same arguments; keep the two in step.
"""
import json
import os

import torch

torch.manual_seed(1234)


def enc(t):
    """A tensor as {shape, dtype, data} with a flat row-major list (bools as 0/1)."""
    t = t.detach().contiguous()
    dtype = str(t.dtype).replace("torch.", "")
    data = t.to(torch.int64 if t.dtype == torch.bool else t.dtype).flatten().tolist()
    return {"shape": list(t.shape), "dtype": dtype, "data": data}


def randn(*shape, dtype=torch.float64):
    return torch.randn(*shape, dtype=dtype)


A = randn(3, 4)
B = randn(3, 4)
ROW = randn(4)
POS = A.abs() + 0.25
X3 = randn(2, 3, 4)
M45 = randn(4, 5)
IDX = torch.tensor([[0, 3], [2, 2], [1, 0]])
INTS = torch.tensor([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5])
SEQ = torch.tensor([[1.0, 3.0, 5.0, 7.0], [2.0, 4.0, 6.0, 8.0]], dtype=torch.float64)
VALS = torch.tensor([[3.0, 7.5], [1.0, 9.0]], dtype=torch.float64)
A32 = randn(3, 4, dtype=torch.float32)
M32 = randn(4, 5, dtype=torch.float32)

# name -> (inputs, function of the inputs returning a tensor or a tuple of tensors)
CASES = {
    "add_broadcast": ([A, ROW], lambda a, r: a + r),
    "sub_alpha": ([A, B], lambda a, b: torch.sub(a, b, alpha=2)),
    "mul": ([A, B], lambda a, b: a * b),
    "div": ([A, POS], lambda a, p: a / p),
    "pow_scalar": ([POS], lambda p: p ** 1.7),
    "pow_tensor": ([POS, B], lambda p, b: p ** b),
    "remainder": ([A], lambda a: (a * 5) % 3),
    "fmod": ([A], lambda a: torch.fmod(a * 5, 3)),
    "exp": ([A], torch.exp),
    "log": ([POS], torch.log),
    "sqrt": ([POS], torch.sqrt),
    "rsqrt": ([POS], torch.rsqrt),
    "sigmoid": ([A], torch.sigmoid),
    "tanh": ([A], torch.tanh),
    "erf": ([A], torch.erf),
    "log1p": ([POS], torch.log1p),
    "expm1": ([A], torch.expm1),
    "sin_cos": ([A], lambda a: torch.sin(a) * torch.cos(a)),
    "clamp": ([A], lambda a: a.clamp(-0.5, 0.5)),
    "where": ([A, B], lambda a, b: torch.where(a > 0, a, b)),
    "softmax_dim1": ([A], lambda a: a.softmax(1)),
    "log_softmax_dim0": ([A], lambda a: a.log_softmax(0)),
    "logsumexp_dim1_keepdim": ([A], lambda a: a.logsumexp(1, keepdim=True)),
    "sum_dim0": ([A], lambda a: a.sum(0)),
    "mean_dims02_keepdim": ([X3], lambda x: x.mean([0, 2], keepdim=True)),
    "std_dim1": ([A], lambda a: a.std(1)),
    "var_biased_all": ([A], lambda a: a.var(unbiased=False)),
    "norm_p1_dim1": ([A], lambda a: a.norm(1, dim=1)),
    "norm_all": ([X3], lambda x: x.norm()),
    "prod_dim1": ([A], lambda a: a.prod(1)),
    "max_dim1": ([A], lambda a: tuple(a.max(1))),
    "argmin_dim0": ([A], lambda a: a.argmin(0)),
    "cumsum_dim1": ([A], lambda a: a.cumsum(1)),
    "matmul_broadcast": ([X3, M45], lambda x, m: x @ m),
    "bmm": ([X3, randn(2, 4, 2)], torch.bmm),
    "einsum_bij_bjk": ([X3, randn(2, 4, 3)], lambda a, b: torch.einsum("bij,bjk->bik", a, b)),
    "einsum_rowdot": ([A, B], lambda a, b: torch.einsum("ij,ij->i", a, b)),
    "sort_desc_dim1": ([A], lambda a: tuple(a.sort(1, descending=True))),
    "argsort_dim0": ([A], lambda a: a.argsort(0)),
    "topk2_dim1": ([A], lambda a: tuple(a.topk(2, 1))),
    "gather_dim1": ([A, IDX], lambda a, i: a.gather(1, i)),
    "scatter_add_dim1": ([A, IDX, randn(3, 2)], lambda a, i, s: a.scatter_add(1, i, s)),
    "index_select_dim1": ([A, torch.tensor([3, 0, 3])], lambda a, i: a.index_select(1, i)),
    "masked_select": ([A], lambda a: a.masked_select(a > 0)),
    "tril_m1": ([A], lambda a: a.tril(-1)),
    "triu_1": ([A], lambda a: a.triu(1)),
    "diagonal_1": ([A], lambda a: a.diagonal(1)),
    "cat_dim1": ([A, B], lambda a, b: torch.cat([a, b], 1)),
    "stack_dim1": ([A, B], lambda a, b: torch.stack([a, b], 1)),
    "permute_021": ([X3], lambda x: x.permute(0, 2, 1).contiguous()),
    "index_slices": ([X3], lambda x: x[1:, ::2, -1]),
    "index_put_mask": ([A], lambda a: a.clone().index_put_((a < 0,), torch.tensor(0.0, dtype=torch.float64))),
    "unique_counts": ([INTS], lambda t: tuple(torch.unique(t, return_counts=True))),
    "bincount": ([INTS], lambda t: torch.bincount(t)),
    "searchsorted": ([SEQ, VALS], lambda s, v: torch.searchsorted(s, v)),
    "softmax_f32": ([A32], lambda a: a.softmax(-1)),
    "matmul_f32": ([A32, M32], lambda a, m: a @ m),
}


def main():
    out = {"torch_version": torch.__version__, "cases": {}}
    for name, (inputs, fn) in CASES.items():
        result = fn(*inputs)
        results = result if isinstance(result, tuple) else (result,)
        out["cases"][name] = {"inputs": [enc(t) for t in inputs], "outputs": [enc(t) for t in results]}
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ops", "ops_goldens.json")
    with open(path, "w") as f:
        json.dump(out, f, separators=(",", ":"))
    print(f"{len(CASES)} cases, {os.path.getsize(path)} bytes -> {path}")


if __name__ == "__main__":
    main()
