#!/usr/bin/python3
"""Writes the tiny fixtures of tests/MedSsl.Torch.Tests/Serialization into Golden/serialization/.

Run with Debian's interpreter (torch 1.13, numpy): /usr/bin/python3 make_serialization_fixtures.py
The outputs are committed; rerunning reproduces them byte for byte (torch 1.13, numpy 1.24).
"""
import io
import json
import os
import struct

import numpy as np
import torch
import torch.nn as nn

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "serialization")

# ---- a minimal safetensors writer/reader (the python package is not installed) ----

# Code and rank (position in Hugging Face's Dtype enum; its writer sorts by rank descending, then name).
ST_DTYPES = {
    torch.bool: ("BOOL", 0), torch.uint8: ("U8", 1), torch.int8: ("I8", 2), torch.int16: ("I16", 5),
    torch.float16: ("F16", 7), torch.bfloat16: ("BF16", 8), torch.int32: ("I32", 9),
    torch.float32: ("F32", 11), torch.float64: ("F64", 12), torch.int64: ("I64", 13),
}


def tensor_bytes(t):
    t = t.detach().contiguous().cpu()
    if t.dtype == torch.bfloat16:  # numpy has no bfloat16: take the raw 16-bit patterns
        t = t.view(torch.int16)
    return t.numpy().tobytes()


def save_safetensors(tensors, path, metadata=None):
    order = sorted(tensors, key=lambda k: (-ST_DTYPES[tensors[k].dtype][1], k.encode()))
    header, blobs, offset = {}, [], 0
    if metadata is not None:
        header["__metadata__"] = dict(sorted(metadata.items()))
    for name in order:
        t = tensors[name]
        blob = tensor_bytes(t)
        header[name] = {"dtype": ST_DTYPES[t.dtype][0], "shape": list(t.shape), "data_offsets": [offset, offset + len(blob)]}
        blobs.append(blob)
        offset += len(blob)
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + b"".join(blobs))


def load_safetensors(path):
    codes = {code: dtype for dtype, (code, _) in ST_DTYPES.items()}
    with open(path, "rb") as f:
        data = f.read()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n])
    metadata = header.pop("__metadata__", {})
    out = {}
    for name, info in header.items():
        begin, end = info["data_offsets"]
        raw = bytearray(data[8 + n + begin:8 + n + end])
        dtype = codes[info["dtype"]]
        t = torch.frombuffer(raw, dtype=dtype) if raw else torch.empty(0, dtype=dtype)
        out[name] = t.reshape(info["shape"])
    return out, metadata


# ---- a small model's state_dict with the awkward cases a real checkpoint can hold ----

def state_dict(keep_vars=False):
    torch.manual_seed(0)
    model = nn.Sequential(nn.Conv2d(3, 4, 3), nn.BatchNorm2d(4), nn.Flatten(), nn.Linear(16, 5))
    with torch.no_grad():
        model[1].running_mean.uniform_(-1, 1)
        model[1].running_var.uniform_(0.5, 2)
        model[1].num_batches_tracked.fill_(7)  # int64
    sd = model.state_dict(keep_vars=keep_vars)  # an OrderedDict with _metadata: exercises REDUCE and BUILD
    base = torch.arange(24, dtype=torch.float32).reshape(4, 6) / 8 - 1
    sd["extra.base"] = base
    sd["extra.transposed"] = base.t()            # non-contiguous view of base's storage
    sd["extra.slice"] = base[1:3]                # storage offset 6
    sd["extra.every_other"] = base[:, ::2]       # inner stride 2
    sd["extra.expanded"] = torch.arange(3.0, dtype=torch.float64).expand(2, 3)  # stride 0
    sd["extra.half"] = torch.linspace(-2, 2, 7).half()
    sd["extra.bf16"] = torch.linspace(-3, 3, 5).bfloat16()
    sd["extra.int32"] = torch.tensor([[-7, 0], [1, 2**31 - 1]], dtype=torch.int32)
    sd["extra.int16"] = torch.tensor([-300, 0, 300], dtype=torch.int16)
    sd["extra.int8"] = torch.tensor([-128, 5, 127], dtype=torch.int8)
    sd["extra.uint8"] = torch.tensor([0, 200, 255], dtype=torch.uint8)
    sd["extra.bool"] = torch.tensor([True, False, True])
    sd["extra.scalar"] = torch.tensor(2.5)
    sd["extra.empty"] = torch.zeros(0, 3)
    return sd


def expected_arrays(sd):
    """Contiguous numpy copies; bfloat16 as its int16 bit patterns."""
    return {k: (v.view(torch.int16) if v.dtype == torch.bfloat16 else v.contiguous()).numpy() for k, v in sd.items()}


def write_pth(sd):
    torch.save(sd, os.path.join(OUT, "model.pth"))                       # protocol 2, folder "model"
    torch.save(sd, os.path.join(OUT, "model_proto4.pth"), pickle_protocol=4)  # FRAME, MEMOIZE, STACK_GLOBAL
    buffer = io.BytesIO()
    torch.save(sd, buffer)                                               # folder "archive"
    with open(os.path.join(OUT, "model_archive.pth"), "wb") as f:
        f.write(buffer.getvalue())
    # A training checkpoint around the state_dict, with Parameters (keep_vars) and the other opcodes:
    # 300 memoized strings first push later memo indices past 255 (LONG_BINPUT / LONG_BINGET).
    checkpoint = {"epoch": 3, "history": [f"step{i}" for i in range(300)], "state_dict": state_dict(keep_vars=True),
                  "optimizer": {"lr": 0.1, "betas": (0.9, 0.999), "flags": [True, False, None], "one": [7],
                                "sizes": (300, 70000, 1), "step": 2**40, "delta": -5}}
    torch.save(checkpoint, os.path.join(OUT, "checkpoint.pth"))
    save_safetensors({k: v.contiguous() for k, v in sd.items()}, os.path.join(OUT, "model_expected.safetensors"),
                     metadata={"format": "pt", "source": "make_serialization_fixtures.py"})
    np.savez(os.path.join(OUT, "model_expected.npz"), **expected_arrays(sd))


# ---- numpy arrays; the C# tests recompute these formulas ----

def numpy_arrays():
    return {
        "f4": np.arange(6, dtype=np.float32).reshape(2, 3) - 2.5,
        "f8": np.arange(5) / 4.0,
        "i8": np.array([-2**40, -1, 0, 1, 2**40], np.int64),
        "i4": np.arange(-3, 3, dtype=np.int32).reshape(3, 2),
        "i2": np.array([-32768, -1, 0, 1, 32767], np.int16),
        "i1": np.array([-128, -1, 0, 1, 127], np.int8),
        "u1": np.arange(0, 256, 51, dtype=np.uint8),
        "b1": np.array([[True, False, True], [False, False, True]]),
        "f2": np.array([-1.5, 0, 0.25, 65504], np.float16),
        "scalar": np.array(3.25),
        "empty": np.zeros((0, 3), np.float32),
        "fortran": np.asfortranarray(np.arange(24, dtype=np.float64).reshape(2, 3, 4)),
    }


def write_numpy():
    arrays = numpy_arrays()
    assert arrays["fortran"].flags.f_contiguous and not arrays["fortran"].flags.c_contiguous
    np.savez(os.path.join(OUT, "arrays.npz"), **arrays)
    np.savez_compressed(os.path.join(OUT, "arrays_compressed.npz"), **arrays)
    for name in ("f4", "b1", "i2", "f2", "scalar", "empty", "fortran"):
        np.save(os.path.join(OUT, f"{name}.npy"), arrays[name])
    for version in ((2, 0), (3, 0)):
        with open(os.path.join(OUT, f"i4_v{version[0]}.npy"), "wb") as f:
            np.lib.format.write_array(f, arrays["i4"], version=version)
    np.save(os.path.join(OUT, "big_endian.npy"), arrays["f4"].astype(">f4"))
    np.save(os.path.join(OUT, "objects.npy"), np.array([1, "two"], dtype=object), allow_pickle=True)


def self_check():
    """The fixtures must mean what the C# tests assume."""
    sd = state_dict()
    loaded = torch.load(os.path.join(OUT, "model.pth"))
    assert list(loaded) == list(sd) and all(torch.equal(loaded[k], sd[k]) for k in sd)
    assert not loaded["extra.transposed"].is_contiguous() and loaded["extra.slice"].storage_offset() == 6
    st, meta = load_safetensors(os.path.join(OUT, "model_expected.safetensors"))
    assert meta["format"] == "pt" and all(torch.equal(st[k], sd[k].contiguous()) for k in sd)
    with np.load(os.path.join(OUT, "arrays_compressed.npz")) as z:
        assert all(np.array_equal(z[k], v) for k, v in numpy_arrays().items())


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    write_pth(state_dict())
    write_numpy()
    self_check()
    total = sum(os.path.getsize(os.path.join(OUT, f)) for f in os.listdir(OUT))
    print(f"wrote {len(os.listdir(OUT))} fixtures, {total} bytes, into {OUT}")
