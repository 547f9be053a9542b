#!/usr/bin/python3
"""Writes the image decoder and resize goldens for tests/MedSsl.Tests (run with Debian's /usr/bin/python3:
Pillow 9.4 and torchvision 0.14, both on the system libjpeg-turbo 2.1 and libpng 1.6).

  /usr/bin/python3 tests/MedSsl.Tests/Golden/make_image_goldens.py [--data /work/shared/data]

Outputs, next to this script:
  image_goldens.json   per case: source, read mode, expected shape, SHA-256 of the CHW uint8 bytes, channel sums
  image_goldens.npz    full expected pixels of the small cases and every resize case (CHW uint8)
  images/*.png|*.jpg   tiny generated files for what the shared data lacks (16-bit, palette, grey+alpha,
                       1-bit, interlaced PNGs; progressive, odd-sized and CMYK JPEGs)
Sources named "dermamnist:", "imagenette:" and "nih:" are read from the shared data folder (never committed).
Everything is deterministic: re-running it rewrites identical files.
"""
import argparse
import hashlib
import io
import json
import os
import struct
import tarfile
import tempfile
import zlib

import numpy as np
import torch
import torchvision.io as tio
import torchvision.transforms.functional as TF
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
DERMA = ["images/DermaMNIST_test_00000.jpg", "images/DermaMNIST_train_00994.jpg", "images/DermaMNIST_val_00007.jpg"]
IMAGENETTE_RGB = "train/n01440764/ILSVRC2012_val_00000293.JPEG"
IMAGENETTE_GREY = "train/n02102040/n02102040_1408.JPEG"
NIH_RGB = "NIH1000/test/0_normal/00000231_013.png"
NIH_RGBA = "NIH1000/test/0_normal/00000273_004.png"


def chw(array):
    """HWC or HW numpy -> CHW uint8 contiguous."""
    a = np.asarray(array)
    if a.ndim == 2:
        a = a[None]
    else:
        a = a.transpose(2, 0, 1)
    return np.ascontiguousarray(a)


def entry(source, mode, pixels, **extra):
    pixels = np.ascontiguousarray(pixels)
    e = {"source": source, "mode": mode, "shape": list(pixels.shape), "dtype": str(pixels.dtype),
         "sha256": hashlib.sha256(pixels.tobytes()).hexdigest(),
         "sums": [int(pixels[c].astype(np.int64).sum()) for c in range(pixels.shape[0])]}
    e.update(extra)
    return e


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def write_png(path, rows_bytes, width, height, depth, color, interlace=False, extra=b""):
    """A minimal PNG writer for the cases PIL cannot save (16-bit RGB, Adam7). rows_bytes(x0, dx, y0, dy)
    returns the filtered scanlines (filter 0) of the sub-image those steps select."""
    raw = b""
    passes = [(0, 8, 0, 8), (4, 8, 0, 8), (0, 4, 4, 8), (2, 4, 0, 4), (0, 2, 2, 4), (1, 2, 0, 2), (0, 1, 1, 2)] \
        if interlace else [(0, 1, 0, 1)]
    for x0, dx, y0, dy in passes:
        raw += rows_bytes(x0, dx, y0, dy)
    ihdr = struct.pack(">IIBBBBB", width, height, depth, color, 0, 0, 1 if interlace else 0)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + extra +
                png_chunk(b"IDAT", zlib.compress(raw, 9)) + png_chunk(b"IEND", b""))


def scanlines(array, big_endian_16=False):
    def rows(x0, dx, y0, dy):
        sub = array[y0::dy, x0::dx]
        if sub.size == 0:
            return b""
        if big_endian_16:
            sub = sub.astype(">u2")
        return b"".join(b"\x00" + sub[y].tobytes() for y in range(sub.shape[0]))
    return rows


def generated_pngs(out, goldens, arrays):
    rng = np.random.RandomState(7)
    # 16-bit grey: raw values, 8-bit output rounds v / 257.
    g16 = rng.randint(0, 65536, size=(6, 9)).astype(np.uint16)
    g16[0, :4] = [0, 128, 129, 65535]
    Image.fromarray(g16).save(os.path.join(out, "grey16.png"))
    assert (np.array(Image.open(os.path.join(out, "grey16.png"))) == g16).all()
    scaled = np.floor(g16.astype(np.float64) / 257 + 0.5).astype(np.uint8)
    goldens.append(entry("png:grey16.png", "UNCHANGED", chw(scaled), key="grey16_u8"))
    arrays["grey16_u8"] = chw(scaled)
    arrays["grey16_raw"] = chw(g16).astype(np.int32)
    # 16-bit RGB (written by hand: PIL has no 16-bit RGB mode).
    rgb16 = rng.randint(0, 65536, size=(5, 7, 3)).astype(np.uint16)
    write_png(os.path.join(out, "rgb16.png"), scanlines(rgb16, True), 7, 5, 16, 2)
    arrays["rgb16_raw"] = chw(rgb16).astype(np.int32)
    arrays["rgb16_u8"] = chw(np.floor(rgb16.astype(np.float64) / 257 + 0.5).astype(np.uint8))
    # Palette with transparency: tRNS is ignored, so RGB output is the palette colours.
    pal = rng.randint(0, 5, size=(7, 10)).astype(np.uint8)
    im = Image.fromarray(pal, "P")
    colours = [255, 0, 0, 0, 255, 0, 0, 0, 255, 250, 250, 10, 17, 34, 51]
    im.putpalette(colours)
    im.save(os.path.join(out, "palette.png"), transparency=1)
    rgb = np.array(Image.open(os.path.join(out, "palette.png")).convert("RGB"))
    arrays["palette_rgb"] = chw(rgb)
    arrays["palette_grey"] = chw(np.array(Image.fromarray(rgb).convert("L")))
    # Grey + alpha: alpha kept only in UNCHANGED mode.
    la = rng.randint(0, 256, size=(6, 5, 2)).astype(np.uint8)
    Image.fromarray(la, "LA").save(os.path.join(out, "grey_alpha.png"))
    arrays["grey_alpha_unchanged"] = chw(la)
    arrays["grey_alpha_rgb"] = chw(np.repeat(la[:, :, :1], 3, axis=2))
    # 1-bit grey -> 0 / 255.
    bits = rng.randint(0, 2, size=(9, 13)).astype(bool)
    Image.fromarray(bits).save(os.path.join(out, "grey1.png"))
    arrays["grey1"] = chw(np.array(Image.open(os.path.join(out, "grey1.png")).convert("L")))
    # Adam7-interlaced RGB, cross-checked against PIL.
    inter = rng.randint(0, 256, size=(11, 13, 3)).astype(np.uint8)
    write_png(os.path.join(out, "interlaced.png"), scanlines(inter), 13, 11, 8, 2, interlace=True)
    assert (np.array(Image.open(os.path.join(out, "interlaced.png")).convert("RGB")) == inter).all()
    arrays["interlaced"] = chw(inter)


def generated_jpegs(out, goldens, arrays, rgb_source):
    base = Image.open(rgb_source).convert("RGB")
    # Progressive 4:2:0, odd size: full decode and DCT-scaled decodes (PIL's draft is libjpeg's scale_denom).
    odd = base.crop((10, 20, 10 + 101, 20 + 75))
    odd.save(os.path.join(out, "progressive.jpg"), quality=85, progressive=True, subsampling=2)
    odd.save(os.path.join(out, "odd444.jpg"), quality=92, subsampling=0)
    for name in ["progressive.jpg", "odd444.jpg"]:
        path = os.path.join(out, name)
        goldens.append(entry("jpg:" + name, "RGB", chw(np.array(Image.open(path).convert("RGB")))))
        for denom in [2, 4, 8]:
            im = Image.open(path)
            im.draft("RGB", (101 // denom, 75 // denom))
            goldens.append(entry("jpg:" + name, "RGB", chw(np.array(im.convert("RGB"))), dct_denominator=denom))
    base.crop((0, 0, 24, 16)).convert("CMYK").save(os.path.join(out, "cmyk.jpg"), quality=90)


def jpeg_cases(data, derma_dir, goldens, arrays):
    for i, name in enumerate(DERMA):
        path = os.path.join(derma_dir, name)
        rgb = chw(np.array(Image.open(path).convert("RGB")))
        key = "derma%d_rgb" % i
        arrays[key] = rgb
        goldens.append(entry("dermamnist:" + name, "RGB", rgb, key=key))
        grey = tio.decode_jpeg(tio.read_file(path), tio.ImageReadMode.GRAY).numpy()
        goldens.append(entry("dermamnist:" + name, "GRAY", grey))
    rgb_path = os.path.join(data, "imagenette2", IMAGENETTE_RGB)
    goldens.append(entry("imagenette:" + IMAGENETTE_RGB, "RGB", chw(np.array(Image.open(rgb_path).convert("RGB")))))
    goldens.append(entry("imagenette:" + IMAGENETTE_RGB, "GRAY",
                         tio.decode_jpeg(tio.read_file(rgb_path), tio.ImageReadMode.GRAY).numpy()))
    for denom in [2, 4, 8]:
        im = Image.open(rgb_path)
        im.draft("RGB", (224 // denom, 224 // denom))
        goldens.append(entry("imagenette:" + IMAGENETTE_RGB, "RGB", chw(np.array(im.convert("RGB"))),
                             dct_denominator=denom))
    grey_path = os.path.join(data, "imagenette2", IMAGENETTE_GREY)
    assert Image.open(grey_path).mode == "L"
    goldens.append(entry("imagenette:" + IMAGENETTE_GREY, "UNCHANGED", chw(np.array(Image.open(grey_path)))))


def png_cases(nih_dir, goldens):
    for name in [NIH_RGB, NIH_RGBA]:
        im = Image.open(os.path.join(nih_dir, name))
        goldens.append(entry("nih:" + name, "UNCHANGED", chw(np.array(im))))
        goldens.append(entry("nih:" + name, "RGB", chw(np.array(im.convert("RGB")))))
        goldens.append(entry("nih:" + name, "GRAY", chw(np.array(im.convert("RGB").convert("L")))))
    assert Image.open(os.path.join(nih_dir, NIH_RGBA)).mode == "RGBA"


def resize_cases(data, derma_dir, nih_dir, resizes, arrays):
    def add(key, source, image, size, crop=None):
        t = torch.from_numpy(image)
        if crop:
            out = TF.resized_crop(t, *crop, size, antialias=True)
        else:
            out = TF.resize(t, size, antialias=True)
        arrays[key] = out.numpy()
        resizes.append({"key": key, "source": source, "size": list(size), "crop": crop})

    rgb = chw(np.array(Image.open(os.path.join(data, "imagenette2", IMAGENETTE_RGB)).convert("RGB")))
    add("resize_imagenette_64", "imagenette:" + IMAGENETTE_RGB, rgb, (64, 64))
    add("resize_imagenette_80x120", "imagenette:" + IMAGENETTE_RGB, rgb, (80, 120))
    add("resize_imagenette_crop", "imagenette:" + IMAGENETTE_RGB, rgb, (32, 40), crop=[30, 50, 100, 130])
    nih = chw(np.array(Image.open(os.path.join(nih_dir, NIH_RGB)).convert("RGB")))
    add("resize_nih_28", "nih:" + NIH_RGB, nih, (28, 28))
    derma = chw(np.array(Image.open(os.path.join(derma_dir, DERMA[0])).convert("RGB")))
    add("resize_derma_up_50x40", "dermamnist:" + DERMA[0], derma, (50, 40))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default=os.environ.get("MEDSSL_DATA", "/work/shared/data"))
    args = parser.parse_args()
    out = os.path.join(HERE, "images")
    os.makedirs(out, exist_ok=True)
    goldens, resizes, arrays = [], [], {}
    with tempfile.TemporaryDirectory() as tmp:
        derma_dir, nih_dir = os.path.join(tmp, "derma"), os.path.join(tmp, "nih")
        with tarfile.open(os.path.join(args.data, "dermamnist-lesion/raw/dermamnist_jpegs.tar.gz")) as tar:
            tar.extractall(derma_dir, members=[tar.getmember(n) for n in DERMA])
        with tarfile.open(os.path.join(args.data, "nih-cxr1000/nih1000_64_png.tar")) as tar:
            tar.extractall(nih_dir, members=[tar.getmember(n) for n in [NIH_RGB, NIH_RGBA]])
        jpeg_cases(args.data, derma_dir, goldens, arrays)
        png_cases(nih_dir, goldens)
        generated_pngs(out, goldens, arrays)
        generated_jpegs(out, goldens, arrays, os.path.join(args.data, "imagenette2", IMAGENETTE_RGB))
        resize_cases(args.data, derma_dir, nih_dir, resizes, arrays)
    with open(os.path.join(HERE, "image_goldens.json"), "w") as f:
        json.dump({"decode": goldens, "resize": resizes}, f, indent=1)
        f.write("\n")
    # np.savez_compressed embeds timestamps in the zip: write entries with a fixed date instead.
    import zipfile
    with zipfile.ZipFile(os.path.join(HERE, "image_goldens.npz"), "w", zipfile.ZIP_DEFLATED) as z:
        for key in sorted(arrays):
            buf = io.BytesIO()
            np.save(buf, arrays[key])
            info = zipfile.ZipInfo(key + ".npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, buf.getvalue())
    print("wrote %d decode and %d resize goldens, %d arrays" % (len(goldens), len(resizes), len(arrays)))


if __name__ == "__main__":
    main()
