#!/usr/bin/python3
"""Writes torchvision's values for the deterministic parts of MedSsl.Transforms.

Run with Debian's PyTorch:  /usr/bin/python3 tests/MedSsl.Tests/Golden/make_transform_goldens.py
Each case becomes Golden/transforms/<case>.json: {"name": {"shape": [...], "dtype": "float32", "data": [...]}}.
Inputs are drawn here and stored; per-sample factors are applied image by image with torchvision
(0.14, tensor backend), which is what the batched C# ops must reproduce.
"""
import json
import os

import torch
import torchvision.transforms.functional as TF
from torchvision.transforms import InterpolationMode

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "transforms")
torch.manual_seed(2024)


def enc(t):
    data = ",".join("%.9g" % v for v in t.double().flatten().tolist())
    return '{"shape":%s,"dtype":"float32","data":[%s]}' % (json.dumps(list(t.shape)), data)


def save(case, **tensors):
    os.makedirs(OUT, exist_ok=True)
    body = ",\n".join('"%s":%s' % (k, enc(v)) for k, v in tensors.items())
    with open(os.path.join(OUT, case + ".json"), "w") as f:
        f.write("{\n" + body + "\n}\n")


def per_image(fn, x, factors):
    return torch.stack([fn(x[i], float(f)) for i, f in enumerate(factors)])


def colour_batch():
    """Smooth random colours plus hard cases: greys, primaries, ties between channels, 0 and 1."""
    x = torch.rand(4, 3, 6, 6)
    x[0, :, 0, :] = torch.rand(1, 6)                     # grey row (max == min)
    x[1, :, :2, :2] = torch.randint(0, 4, (3, 2, 2)) / 3  # coarse levels: ties between channels
    x[2, :, 0, 0] = torch.tensor([1.0, 0.0, 0.0])
    x[2, :, 0, 1] = torch.tensor([0.0, 1.0, 0.0])
    x[2, :, 0, 2] = torch.tensor([0.0, 0.0, 1.0])
    x[2, :, 0, 3] = torch.tensor([1.0, 1.0, 0.0])
    x[3, :, 0, 0] = 0.0
    x[3, :, 0, 1] = 1.0
    return x


def colour_cases():
    x = colour_batch()
    grey = torch.rand(3, 1, 5, 5)
    brightness = torch.tensor([0.2, 1.0, 1.35, 1.8])
    contrast = torch.tensor([0.0, 0.5, 1.0, 1.8])
    saturation = torch.tensor([0.0, 0.4, 1.2, 1.8])
    hue = torch.tensor([-0.5, -0.13, 0.2, 0.45])
    save("colour", x=x, grey=grey, brightness=brightness, contrast=contrast, saturation=saturation, hue=hue,
         brightness_out=per_image(TF.adjust_brightness, x, brightness),
         contrast_out=per_image(TF.adjust_contrast, x, contrast),
         saturation_out=per_image(TF.adjust_saturation, x, saturation),
         hue_out=per_image(TF.adjust_hue, x, hue),
         grayscale_out=TF.rgb_to_grayscale(x),
         grey_contrast_out=per_image(TF.adjust_contrast, grey, contrast[:3]),
         grey_brightness_out=per_image(TF.adjust_brightness, grey, brightness[:3]))


def blur_cases():
    x = torch.rand(3, 3, 12, 10)
    sigma = torch.tensor([0.3, 0.9, 1.7])
    out5 = torch.stack([TF.gaussian_blur(x[i], [5, 5], [float(s)] * 2) for i, s in enumerate(sigma)])
    out3 = torch.stack([TF.gaussian_blur(x[i], [3, 3], [float(s)] * 2) for i, s in enumerate(sigma)])
    save("blur", x=x, sigma=sigma, k5=out5, k3=out3)


def geometry_cases():
    x = torch.rand(3, 3, 10, 14)
    angles = torch.tensor([30.0, -45.0, 90.0])
    rotated = torch.stack([TF.rotate(x[i], float(a), interpolation=InterpolationMode.BILINEAR)
                           for i, a in enumerate(angles)])
    rotated_fill = torch.stack([TF.rotate(x[i], float(a), interpolation=InterpolationMode.BILINEAR, fill=0.5)
                                for i, a in enumerate(angles)])
    # Crops (top, left, height, width) resized to 9 x 11, as RandomResizedCrop does per sample.
    boxes = torch.tensor([[0, 0, 10, 14], [2, 3, 6, 8], [1, 5, 8, 7]])
    crops_bicubic = torch.stack([TF.resized_crop(x[i], *b.tolist(), [9, 11], InterpolationMode.BICUBIC)
                                 for i, b in enumerate(boxes)]).clamp(0, 1)  # the kit clips bicubic overshoot
    crops_bilinear = torch.stack([TF.resized_crop(x[i], *b.tolist(), [9, 11], InterpolationMode.BILINEAR)
                                  for i, b in enumerate(boxes)])
    save("geometry", x=x, angles=angles, rotated=rotated, rotated_fill=rotated_fill, boxes=boxes.float(),
         crops_bicubic=crops_bicubic, crops_bilinear=crops_bilinear,
         center_7x8=TF.center_crop(x, [7, 8]), center_9x13=TF.center_crop(x, [9, 13]))


def eval_cases():
    x = torch.rand(1, 3, 28, 28)
    cropped = TF.center_crop(x, [24, 24])  # round(0.875 * 28) = 24
    resized = TF.resize(cropped, [32, 32], InterpolationMode.BICUBIC, antialias=True).clamp(0, 1)
    shrunk = TF.resize(x[:, :, :20, :20], [12, 12], InterpolationMode.BICUBIC, antialias=True).clamp(0, 1)
    short_side = TF.resize(torch.rand(1, 3, 10, 16), 6, InterpolationMode.BILINEAR, antialias=True)
    mean, std = [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]
    save("eval", x=x, eval32=resized, shrunk12=shrunk, short_side_shape=torch.tensor(short_side.shape[-2:]).float(),
         normalized=TF.normalize(x[:, :, :8, :8], mean, std))


def equalize_cases():
    """uint8 levels stored as whole numbers (0..255); 32 x 32 so the 255-step table has room to act."""
    x = torch.zeros(2, 3, 32, 32, dtype=torch.uint8)
    x[0] = torch.randint(0, 256, (3, 32, 32))
    x[1, 0] = (torch.rand(32, 32) ** 3 * 120 + 40).to(torch.uint8)                # skewed, narrow range
    x[1, 1] = torch.where(torch.rand(32, 32) < 0.99, 10, 200).to(torch.uint8)      # nearly one level
    x[1, 2] = 77                                                                  # one level: left as is
    save("equalize", x=x.float(), out=TF.equalize(x).float())


if __name__ == "__main__":
    colour_cases()
    blur_cases()
    geometry_cases()
    eval_cases()
    equalize_cases()
    total = sum(os.path.getsize(os.path.join(OUT, f)) for f in os.listdir(OUT))
    print("wrote %d goldens, %d bytes, to %s" % (len(os.listdir(OUT)), total, OUT))
