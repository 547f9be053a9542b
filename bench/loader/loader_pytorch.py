#!/usr/bin/python3
"""PyTorch side of `./medssl bench loader`: decode + resize + batch throughput of a DataLoader over the
same files, sizes, batch size and worker count as the kit, with two per-image pipelines:
  tv   torchvision.io.read_file + decode_jpeg(RGB) + transforms.functional.resize(antialias=True)
  pil  PIL.Image.open().convert("RGB").resize(BILINEAR) (antialiased) -> uint8 CHW tensor, torchvision's
       default ImageFolder loading path
Prints one JSON line: {"cases": {name: {"tv": images_per_s, "pil": images_per_s}}} (median epoch), plus
"resize_us": one 224 -> 64 antialiased resize on one thread (torchvision's path: ATen's
_upsample_bilinear2d_aa on float, then round), microseconds, best of 5 runs of 200.

Also makes the generated 512x512 JPEGs both sides read: --make-jpegs DIR --count N (Imagenette images
upscaled with PIL bicubic, quality 90).
"""
import argparse
import json
import os
import statistics
import time

import numpy as np
import torch
import torchvision.io as tio
import torchvision.transforms.functional as TF
from PIL import Image
from torch.utils.data import DataLoader, Dataset


class TorchvisionFiles(Dataset):
    def __init__(self, paths, size):
        self.paths, self.size = paths, size

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, i):
        img = tio.decode_jpeg(tio.read_file(self.paths[i]), tio.ImageReadMode.RGB)
        if tuple(img.shape[-2:]) != (self.size, self.size):
            img = TF.resize(img, [self.size, self.size], antialias=True)
        return img


class PilFiles(TorchvisionFiles):
    def __getitem__(self, i):
        with Image.open(self.paths[i]) as im:
            im = im.convert("RGB")
            if im.size != (self.size, self.size):
                im = im.resize((self.size, self.size), Image.BILINEAR)
            return torch.from_numpy(np.asarray(im)).permute(2, 0, 1).contiguous()


def epoch_rates(dataset, batch, workers, rounds):
    loader = DataLoader(dataset, batch_size=batch, num_workers=workers, shuffle=False,
                        persistent_workers=workers > 0)
    for _ in loader:  # warm-up: worker start, page cache
        pass
    rates = []
    for _ in range(rounds):
        start, n = time.perf_counter(), 0
        for images in loader:
            n += images.shape[0]
        rates.append(n / (time.perf_counter() - start))
    return statistics.median(rates)


def resize_microseconds(path):
    img = tio.decode_jpeg(tio.read_file(path), tio.ImageReadMode.RGB)
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(200):
            TF.resize(img, [64, 64], antialias=True)
        best = min(best, (time.perf_counter() - start) / 200 * 1e6)
    return best


def make_jpegs(folder, count, size, sources):
    os.makedirs(folder, exist_ok=True)
    with open(sources) as f:
        paths = [line.strip() for line in f if line.strip()]
    for i, path in enumerate(paths[:count]):
        out = os.path.join(folder, "gen_%04d.jpg" % i)
        if not os.path.exists(out):
            Image.open(path).convert("RGB").resize((size, size), Image.BICUBIC).save(out + ".tmp", "JPEG", quality=90)
            os.replace(out + ".tmp", out)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--case", action="append", default=[], help="name=listfile:size")
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--make-jpegs")
    p.add_argument("--count", type=int, default=400)
    p.add_argument("--size", type=int, default=512)
    p.add_argument("--sources")
    a = p.parse_args()
    if a.make_jpegs:
        make_jpegs(a.make_jpegs, a.count, a.size, a.sources)
        print(json.dumps({"made": a.count}))
        return
    torch.set_num_threads(1)
    cases, first = {}, None
    for spec in a.case:
        name, rest = spec.split("=", 1)
        listfile, size = rest.rsplit(":", 1)
        with open(listfile) as f:
            paths = [line.strip() for line in f if line.strip()]
        first = first or paths[0]
        size = int(size)
        cases[name] = {
            "tv": epoch_rates(TorchvisionFiles(paths, size), a.batch, a.workers, a.rounds),
            "pil": epoch_rates(PilFiles(paths, size), a.batch, a.workers, a.rounds),
        }
    print(json.dumps({"cases": cases, "resize_us": resize_microseconds(first)}))


if __name__ == "__main__":
    main()
