"""Reference side of `./medssl bench simclr`: one SimCLR training step in PyTorch eager.

torchvision's ResNet-18 with the small-image stem (3x3 stride-1 conv1, no max-pool), SimCLR v1's projection
head (Linear -> BN -> ReLU -> Linear 128), NT-Xent (tau = 0.1, mean over the 2N anchors), SGD with momentum.
The two views go through the encoder as one batch of 2N, as SimCLR's code concatenates them (model.py).
Must match SimClrBench.cs (bench/MedSsl.Bench/) layer for layer.

Run with Debian's /usr/bin/python3 (python3-torch uses the very libtorch the kit binds).
Prints one JSON line with pairs/s, per-phase seconds, peak RSS (MiB) and minor page faults.
"""
import argparse
import json
import resource
import time

import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision
from torchvision.models.resnet import BasicBlock


def encoder(width: float) -> nn.Module:
    m = torchvision.models.resnet18(zero_init_residual=True)
    c = int(64 * width)
    m.conv1 = nn.Conv2d(3, c, 3, stride=1, padding=1, bias=False)
    m.maxpool = nn.Identity()
    m.fc = nn.Identity()
    if width != 1:  # SimCLR's width multiplier: rebuild the stages with torchvision's own _make_layer
        m.bn1 = nn.BatchNorm2d(c)
        m.inplanes = c
        m.layer1 = m._make_layer(BasicBlock, c, 2)
        m.layer2 = m._make_layer(BasicBlock, 2 * c, 2, stride=2)
        m.layer3 = m._make_layer(BasicBlock, 4 * c, 2, stride=2)
        m.layer4 = m._make_layer(BasicBlock, 8 * c, 2, stride=2)
        for mod in m.modules():  # torchvision's init, which _make_layer alone does not apply
            if isinstance(mod, nn.Conv2d):
                nn.init.kaiming_normal_(mod.weight, mode="fan_out", nonlinearity="relu")
            elif isinstance(mod, BasicBlock):
                nn.init.zeros_(mod.bn2.weight)
    return m


def projection_head(d: int, out: int = 128) -> nn.Module:
    # The kit's ProjectionHead.SimClrV1: no bias on the Linear before BN.
    return nn.Sequential(nn.Linear(d, d, bias=False), nn.BatchNorm1d(d), nn.ReLU(), nn.Linear(d, out))


def nt_xent(z0: torch.Tensor, z1: torch.Tensor, tau: float = 0.1) -> torch.Tensor:
    n = z0.shape[0]
    z = F.normalize(torch.cat([z0, z1]), dim=1)
    eye = torch.eye(2 * n, dtype=torch.bool)
    logits = (z @ z.t()).div_(tau).masked_fill(eye, -1e9)
    targets = torch.cat([torch.arange(n, 2 * n), torch.arange(0, n)])
    return F.cross_entropy(logits, targets)


def minflt() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--threads", type=int, required=True)
    p.add_argument("--batch", type=int, default=256)
    p.add_argument("--width", type=float, default=1.0)
    p.add_argument("--size", type=int, default=32)
    p.add_argument("--warmup", type=int, default=1)
    p.add_argument("--steps", type=int, default=2)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)  # inputs first, so both sides draw the same ones from libtorch's CPU generator
    x0 = torch.randn(a.batch, 3, a.size, a.size)
    x1 = torch.randn(a.batch, 3, a.size, a.size)
    enc = encoder(a.width)
    head = projection_head(int(512 * a.width))
    params = list(enc.parameters()) + list(head.parameters())
    opt = torch.optim.SGD(params, lr=0.1, momentum=0.9, weight_decay=1e-6)
    phase = {"forward": 0.0, "backward": 0.0, "step": 0.0}
    for i in range(a.warmup + a.steps):
        if i == a.warmup:
            phase = dict.fromkeys(phase, 0.0)
            faults0 = minflt()
            start = time.perf_counter()
        t0 = time.perf_counter()
        opt.zero_grad(set_to_none=True)  # the kit's default (and PyTorch 2's); 1.13 defaults to False
        z = head(enc(torch.cat([x0, x1])))
        loss = nt_xent(z[: a.batch], z[a.batch:])
        t1 = time.perf_counter()
        loss.backward()
        t2 = time.perf_counter()
        opt.step()
        t3 = time.perf_counter()
        phase["forward"] += t1 - t0
        phase["backward"] += t2 - t1
        phase["step"] += t3 - t2
    elapsed = time.perf_counter() - start
    print(json.dumps({
        "pairs_per_s": a.batch * a.steps / elapsed,
        "forward_s": phase["forward"] / a.steps, "backward_s": phase["backward"] / a.steps,
        "step_s": phase["step"] / a.steps,
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "minflt_per_step": (minflt() - faults0) / a.steps,
        "loss": loss.item(), "input_sum": (x0.sum() + x1.sum()).item(), "threads": torch.get_num_threads(), "torch": torch.__version__}))


if __name__ == "__main__":
    main()
