#!/usr/bin/python3
"""Writes optim_goldens.json: PyTorch's results for the optimizer, clip_grad_norm_ and LR-scheduler
parity tests (tests/MedSsl.Torch.Tests/Optim). Run with Debian's interpreter (torch 1.13):
    /usr/bin/python3 tests/MedSsl.Torch.Tests/Golden/make_optim_goldens.py
Everything is float64 so the C# side can compare to 1e-6 (it matches far closer)."""
import json
import math
import os

import torch

torch.manual_seed(20240611)
SHAPES = [[2, 3], [4]]
STEPS = 5
INIT = [torch.randn(s, dtype=torch.float64) for s in SHAPES]
# GRADS[step][param]; None = no gradient at that step (the optimizer must skip the parameter).
GRADS = [[torch.randn(s, dtype=torch.float64) for s in SHAPES] for _ in range(STEPS)]
GRADS[2][1] = None

OPTIMIZERS = [
    ("sgd_plain", "sgd", dict(lr=0.1), None),
    ("sgd_momentum_dampening", "sgd", dict(lr=0.1, momentum=0.9, dampening=0.1), None),
    ("sgd_nesterov", "sgd", dict(lr=0.1, momentum=0.9, nesterov=True), None),
    ("sgd_weight_decay", "sgd", dict(lr=0.1, momentum=0.9, weight_decay=0.01), None),
    ("sgd_maximize", "sgd", dict(lr=0.1, momentum=0.5, maximize=True), None),
    ("sgd_groups", "sgd", dict(lr=0.1, momentum=0.9), [dict(params=[0]), dict(params=[1], lr=0.01, momentum=0.5)]),
    ("adam", "adam", dict(lr=0.01), None),
    ("adam_l2_amsgrad", "adam", dict(lr=0.01, betas=(0.8, 0.99), weight_decay=0.1, amsgrad=True), None),
    ("adam_maximize", "adam", dict(lr=0.01, maximize=True), None),
    ("adam_groups", "adam", dict(lr=0.01), [dict(params=[0]), dict(params=[1], lr=0.001, weight_decay=0.1)]),
    ("adamw", "adamw", dict(lr=0.01, weight_decay=0.1), None),
    ("adamw_amsgrad", "adamw", dict(lr=0.01, weight_decay=0.1, amsgrad=True, eps=1e-6), None),
]
CLASSES = {"sgd": torch.optim.SGD, "adam": torch.optim.Adam, "adamw": torch.optim.AdamW}


def flat(t):
    return None if t is None else t.reshape(-1).tolist()


def run_optimizer(kind, options, groups):
    params = [p.clone().requires_grad_() for p in INIT]
    if groups is None:
        spec = params
    else:
        spec = [dict(g, params=[params[i] for i in g["params"]]) for g in groups]
    opt = CLASSES[kind](spec, **options)
    trajectory = []
    for step in range(STEPS):
        for p, g in zip(params, GRADS[step]):
            p.grad = None if g is None else g.clone()
        opt.step()
        trajectory.append([flat(p.detach()) for p in params])
    return trajectory


def clip_case(max_norm, norm_type, drop_second=False):
    params = [p.clone().requires_grad_() for p in INIT]
    for i, (p, g) in enumerate(zip(params, GRADS[0])):
        p.grad = None if (drop_second and i == 1) else g.clone()
    total = torch.nn.utils.clip_grad_norm_(params, max_norm, norm_type)
    return dict(max_norm=max_norm, norm_type="inf" if math.isinf(norm_type) else norm_type,
                drop_second=drop_second, total_norm=total.item(), grads=[flat(p.grad) for p in params])


def scheduler_run(name, make, steps):
    params = [torch.zeros(1, requires_grad=True) for _ in range(2)]
    opt = torch.optim.SGD([dict(params=[params[0]]), dict(params=[params[1]], lr=0.05)], lr=0.1)
    sched = make(opt)
    lrs = [list(sched.get_last_lr())]
    for _ in range(steps):
        opt.step()
        sched.step()
        lrs.append(list(sched.get_last_lr()))
    return dict(name=name, lrs=lrs)


S = torch.optim.lr_scheduler
SCHEDULERS = [
    scheduler_run("step", lambda o: S.StepLR(o, step_size=3, gamma=0.5), 12),
    scheduler_run("multistep", lambda o: S.MultiStepLR(o, milestones=[2, 5, 5, 9], gamma=0.1), 12),
    scheduler_run("linear", lambda o: S.LinearLR(o, start_factor=0.1, end_factor=1.0, total_iters=4), 8),
    scheduler_run("cosine", lambda o: S.CosineAnnealingLR(o, T_max=10, eta_min=0.001), 25),
    scheduler_run("lambda", lambda o: S.LambdaLR(o, lambda e: 0.95 ** e), 10),
    scheduler_run("warmup_cosine", lambda o: S.SequentialLR(
        o, [S.LinearLR(o, start_factor=0.01, total_iters=5), S.CosineAnnealingLR(o, T_max=15, eta_min=1e-4)],
        milestones=[5]), 25),
]

golden = dict(
    torch_version=torch.__version__,
    shapes=SHAPES,
    init=[flat(p) for p in INIT],
    grads=[[flat(g) for g in step] for step in GRADS],
    optimizers=[dict(name=n, kind=k, options={**o, **({"betas": list(o["betas"])} if "betas" in o else {})},
                     groups=g, steps=run_optimizer(k, o, g)) for n, k, o, g in OPTIMIZERS],
    clip=[clip_case(1.0, 2.0), clip_case(100.0, 2.0), clip_case(0.5, 1.0), clip_case(0.5, math.inf),
          clip_case(0.3, 2.0, drop_second=True)],
    schedulers=SCHEDULERS,
)
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "optim_goldens.json")
with open(out, "w") as f:
    json.dump(golden, f, separators=(",", ":"))
    f.write("\n")
print("wrote", out, os.path.getsize(out), "bytes")
