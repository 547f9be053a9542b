"""Reference side of `./medssl bench engine`: the same small-CNN training step in PyTorch eager.

Run with Debian's /usr/bin/python3 (python3-torch uses the very libtorch the kit binds).
Prints one JSON line: {"images_per_s": ..., "tiny_op_us": ..., "threads": ...}.
"""
import argparse
import json
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def small_cnn(num_classes: int = 10) -> nn.Module:
    # Must match MedSsl.Models.SmallCnn (src/MedSsl/Models/SmallCnn.cs) layer for layer.
    def block(cin, cout):
        return [nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU()]
    return nn.Sequential(*block(3, 32), nn.MaxPool2d(2), *block(32, 64), nn.MaxPool2d(2),
                         *block(64, 128), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(128, num_classes))


def train_step_rate(batch: int, size: int, warmup: int, steps: int) -> float:
    torch.manual_seed(0)
    model = small_cnn()
    opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, weight_decay=5e-4)
    x = torch.randn(batch, 3, size, size)
    y = torch.randint(0, 10, (batch,))
    for i in range(warmup + steps):
        if i == warmup:
            start = time.perf_counter()
        opt.zero_grad()
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        opt.step()
    return batch * steps / (time.perf_counter() - start)


def tiny_op_us(n: int) -> float:
    a, b = torch.randn(4, 4), torch.randn(4, 4)
    for _ in range(1000):
        a + b
    start = time.perf_counter()
    for _ in range(n):
        a + b
    return (time.perf_counter() - start) / n * 1e6


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--threads", type=int, required=True)
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--size", type=int, default=32)
    p.add_argument("--warmup", type=int, default=3)
    p.add_argument("--steps", type=int, default=10)
    p.add_argument("--tiny-ops", type=int, default=200000)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    rate = train_step_rate(a.batch, a.size, a.warmup, a.steps)
    print(json.dumps({"images_per_s": rate, "tiny_op_us": tiny_op_us(a.tiny_ops),
                      "threads": torch.get_num_threads(), "torch": torch.__version__}))


if __name__ == "__main__":
    main()
