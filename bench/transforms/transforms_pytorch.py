#!/usr/bin/python3
"""PyTorch reference for `./medssl bench transforms`: the SimCLR / Dermatology view recipe with torchvision
(0.14, tensor backend), applied image by image as a DataLoader worker would, to a uint8 batch.

Prints one JSON line: {"batch_ms": median ms per batch, "images_per_s": ...}.
"""
import argparse
import json
import time

import torch
import torchvision.transforms as T


def dermatology(size):
    blur_kernel = 2 * (size // 10 // 2) + 1  # SimCLR's 10% rule, as the kit
    return T.Compose([
        T.ConvertImageDtype(torch.float32),
        T.RandomResizedCrop(size, scale=(0.08, 1.0), ratio=(3 / 4, 4 / 3), interpolation=T.InterpolationMode.BICUBIC),
        T.RandomHorizontalFlip(0.5),
        T.RandomApply([T.ColorJitter(0.8, 0.8, 0.8, 0.2)], p=0.8),
        T.RandomGrayscale(0.2),
        T.RandomApply([T.GaussianBlur(blur_kernel, (0.1, 2.0))], p=0.5),
    ])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batch", type=int, default=256)
    ap.add_argument("--source", type=int, default=32)
    ap.add_argument("--size", type=int, default=32)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--steps", type=int, default=5)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    x = torch.randint(0, 256, (a.batch, 3, a.source, a.source), dtype=torch.uint8)
    t = dermatology(a.size)
    times = []
    for i in range(a.warmup + a.steps):
        start = time.perf_counter()
        y = torch.stack([t(img) for img in x])
        if i >= a.warmup:
            times.append(time.perf_counter() - start)
    assert y.shape == (a.batch, 3, a.size, a.size)
    ms = sorted(times)[len(times) // 2] * 1000
    print(json.dumps({"batch_ms": ms, "images_per_s": a.batch / ms * 1000}))


if __name__ == "__main__":
    main()
