#!/usr/bin/python3
"""Writes the PyTorch reference values for the torch.nn / torch.nn.functional parity tests.

Run with Debian's PyTorch:  /usr/bin/python3 tests/MedSsl.Torch.Tests/Golden/make_nn_goldens.py
Each case becomes Golden/nn/<case>.json: {"name": {"shape": [...], "dtype": "float32"|"int64", "data": [...]}}.
Inputs are drawn here and stored, so the C# side never needs PyTorch's random stream, except the
"init_*" cases, which check that seeded initialisation draws the same numbers as PyTorch.
Gradients are those of (y * gy).sum() for a stored random gy.
"""
import json
import math
import os

import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "nn")
torch.manual_seed(1234)


def enc(t):
    t = t.detach()
    if t.dtype in (torch.int64, torch.int32, torch.bool):
        data = ",".join(str(int(v)) for v in t.flatten().tolist())
        dtype = "int64"
    else:
        data = ",".join("%.9g" % v for v in t.double().flatten().tolist())
        dtype = "float32"
    return '{"shape":%s,"dtype":"%s","data":[%s]}' % (json.dumps(list(t.shape)), dtype, data)


def save(case, **tensors):
    body = ",\n".join('"%s":%s' % (k, enc(v)) for k, v in tensors.items())
    with open(os.path.join(OUT, case + ".json"), "w") as f:
        f.write("{\n" + body + "\n}\n")


def leaf(*shape):
    return torch.randn(*shape).requires_grad_()


def with_grads(y, *inputs):
    """gy and the gradients of (y * gy).sum() w.r.t. inputs; a scalar y (a loss) gets gy = 1."""
    gy = torch.randn_like(y) if y.dim() > 0 else torch.ones_like(y)
    grads = torch.autograd.grad(y, inputs, gy)
    return gy, grads


def conv_cases():
    x, w, b = leaf(2, 3, 7, 6), leaf(4, 3, 3, 3), leaf(4)
    y = F.conv2d(x, w, b, stride=2, padding=1)
    gy, (gx, gw, gb) = with_grads(y, x, w, b)
    save("conv2d", x=x, w=w, b=b, y=y, gy=gy, gx=gx, gw=gw, gb=gb)
    x, w = leaf(1, 4, 6, 6), leaf(4, 2, 3, 3)
    y = F.conv2d(x, w, None, stride=1, padding=(2, 1), dilation=2, groups=2)
    gy, (gx, gw) = with_grads(y, x, w)
    save("conv2d_groups", x=x, w=w, y=y, gy=gy, gx=gx, gw=gw)
    x, w, b = leaf(3, 5), leaf(4, 5), leaf(4)
    y = F.linear(x, w, b)
    gy, (gx, gw, gb) = with_grads(y, x, w, b)
    save("linear", x=x, w=w, b=b, y=y, gy=gy, gx=gx, gw=gw, gb=gb)


def norm_cases():
    x, w, b = leaf(4, 3, 2, 2), leaf(3), leaf(3)
    rm0, rv0 = torch.randn(3), torch.rand(3) + 0.5
    rm, rv = rm0.clone(), rv0.clone()
    y = F.batch_norm(x, rm, rv, w, b, training=True, momentum=0.1, eps=1e-5)
    gy, (gx, gw, gb) = with_grads(y, x, w, b)
    y_eval = F.batch_norm(x, rm, rv, w, b, training=False)
    save("batch_norm", x=x, w=w, b=b, rm0=rm0, rv0=rv0, y=y, rm=rm, rv=rv, gy=gy, gx=gx, gw=gw, gb=gb, y_eval=y_eval)
    x, w, b = leaf(2, 6, 3, 3), leaf(6), leaf(6)
    y = F.group_norm(x, 3, w, b, eps=1e-5)
    gy, (gx, gw, gb) = with_grads(y, x, w, b)
    save("group_norm", x=x, w=w, b=b, y=y, gy=gy, gx=gx, gw=gw, gb=gb)
    x, w, b = leaf(2, 3, 4), leaf(4), leaf(4)
    y = F.layer_norm(x, [4], w, b, eps=1e-5)
    gy, (gx, gw, gb) = with_grads(y, x, w, b)
    save("layer_norm", x=x, w=w, b=b, y=y, gy=gy, gx=gx, gw=gw, gb=gb)
    x = torch.randn(4, 5)
    x[2].zero_()  # a zero row: the norm is clamped to eps, not divided by 0
    x.requires_grad_()
    y = F.normalize(x, p=2.0, dim=1)
    gy, (gx,) = with_grads(y, x)
    save("normalize", x=x, y=y, gy=gy, gx=gx, y_p1_dim0=F.normalize(x, p=1.0, dim=0))


def act_cases():
    x = leaf(3, 4)
    out = {"x": x}
    for name, f in [("relu", F.relu), ("gelu", F.gelu), ("gelu_tanh", lambda t: F.gelu(t, approximate="tanh")),
                    ("silu", F.silu), ("leaky_relu", lambda t: F.leaky_relu(t, 0.2))]:
        y = f(x)
        gy, (gx,) = with_grads(y, x)
        out[name], out[name + "_gy"], out[name + "_gx"] = y, gy, gx
    out["softmax"] = F.softmax(x, dim=1)
    out["log_softmax"] = F.log_softmax(x, dim=0)
    out["one_hot"] = F.one_hot(torch.tensor([0, 2, 1, 3]), num_classes=5)
    save("activations", **out)


def pool_cases():
    x = leaf(2, 2, 5, 5)
    y = F.max_pool2d(x, 3, stride=2, padding=1)
    gy, (gx,) = with_grads(y, x)
    out = dict(x=x, max=y, max_gy=gy, max_gx=gx, max_ceil=F.max_pool2d(x, 2, ceil_mode=True))
    y = F.avg_pool2d(x, 3, stride=2, padding=1, count_include_pad=False)
    gy, (gx,) = with_grads(y, x)
    out.update(avg=y, avg_gy=gy, avg_gx=gx, avg_div=F.avg_pool2d(x, 2, divisor_override=3))
    x2 = leaf(2, 2, 5, 7)
    y = F.adaptive_avg_pool2d(x2, (3, 2))
    gy, (gx,) = with_grads(y, x2)
    out.update(x2=x2, adaptive=y, adaptive_gy=gy, adaptive_gx=gx, adaptive_max=F.adaptive_max_pool2d(x2, 2))
    save("pooling", **out)


def resize_cases():
    x = leaf(1, 2, 4, 5)
    y = F.interpolate(x, size=(7, 9), mode="bilinear", align_corners=False)
    gy, (gx,) = with_grads(y, x)
    save("interpolate", x=x, bilinear=y, bilinear_gy=gy, bilinear_gx=gx,
         bilinear_ac_scale=F.interpolate(x, scale_factor=1.5, mode="bilinear", align_corners=True),
         bilinear_scale=F.interpolate(x, scale_factor=1.7, mode="bilinear"),
         bilinear_recompute=F.interpolate(x, scale_factor=1.7, mode="bilinear", recompute_scale_factor=True),
         bilinear_aa=F.interpolate(x, size=(2, 3), mode="bilinear", antialias=True),
         bicubic=F.interpolate(x, scale_factor=2, mode="bicubic"),
         bicubic_aa=F.interpolate(x, size=(3, 2), mode="bicubic", antialias=True, align_corners=True),
         nearest=F.interpolate(x, size=(3, 7)),
         nearest_scale=F.interpolate(x, scale_factor=(2, 1.5)),
         nearest_exact=F.interpolate(x, size=(3, 7), mode="nearest-exact"))
    x = torch.randn(1, 2, 3, 4)
    save("pad", x=x, constant=F.pad(x, (1, 2, 0, 1), value=0.5), reflect=F.pad(x, (2, 1, 1, 2), mode="reflect"),
         replicate=F.pad(x, (2, 1, 1, 2), mode="replicate"), circular=F.pad(x, (2, 1, 1, 2), mode="circular"))


def loss_cases():
    x = leaf(5, 4)
    t = torch.tensor([1, 0, 3, 2, 2])
    wt = torch.rand(4) + 0.5
    y = F.cross_entropy(x, t)
    gy, (gx,) = with_grads(y, x)
    out = dict(x=x, t=t, w=wt, ce=y, ce_gx=gx)
    y = F.cross_entropy(x, t, weight=wt, ignore_index=2, label_smoothing=0.1)
    gy, (gx,) = with_grads(y, x)
    out.update(ce_full=y, ce_full_gx=gx, ce_none=F.cross_entropy(x, t, reduction="none"),
               ce_sum=F.cross_entropy(x, t, reduction="sum", label_smoothing=0.2))
    p = torch.softmax(torch.randn(5, 4), 1)
    y = F.cross_entropy(x, p)
    gy, (gx,) = with_grads(y, x)
    out.update(p=p, ce_prob=y, ce_prob_gx=gx)
    x4, t4 = torch.randn(2, 3, 2, 2), torch.randint(0, 3, (2, 2, 2))
    out.update(x4=x4, t4=t4, ce_4d=F.cross_entropy(x4, t4))
    logp = torch.log_softmax(torch.randn(4, 3), 1)
    tn = torch.tensor([0, 2, 1, 2])
    out.update(logp=logp, tn=tn, nll=F.nll_loss(logp, tn), nll_w=F.nll_loss(logp, tn, weight=wt[:3], ignore_index=1))
    save("cross_entropy", **out)

    z, tb = leaf(4, 3), (torch.rand(4, 3) > 0.5).float()
    wb, pw = torch.rand(4, 3), torch.tensor([0.5, 2.0, 3.0])
    y = F.binary_cross_entropy_with_logits(z, tb, weight=wb, pos_weight=pw)
    gy, (gz,) = with_grads(y, z)
    a, b = leaf(3, 4), torch.randn(3, 4)
    ym = F.mse_loss(a, b)
    _, (ga,) = with_grads(ym, a)
    save("losses", z=z, tb=tb, wb=wb, pw=pw, bce=y, bce_gz=gz, bce_plain=F.binary_cross_entropy_with_logits(z, tb),
         bce_none=F.binary_cross_entropy_with_logits(z, tb, reduction="none", pos_weight=pw),
         a=a, b=b, mse=ym, mse_ga=ga, mse_sum=F.mse_loss(a, b, reduction="sum"), mse_none=F.mse_loss(a, b, reduction="none"),
         l1=F.l1_loss(a, b), l1_sum=F.l1_loss(a, b, reduction="sum"))


def module_cases():
    # Seeded default initialisation: same draws as PyTorch.
    torch.manual_seed(0)
    lin, conv = nn.Linear(5, 3), nn.Conv2d(2, 4, 3)
    t1, t2, t3 = torch.empty(300), torch.empty(6, 4, 3, 3), torch.empty(5, 7)
    nn.init.trunc_normal_(t1, std=0.02, a=-0.03, b=0.03)
    nn.init.kaiming_normal_(t2, mode="fan_out", nonlinearity="relu")
    nn.init.xavier_uniform_(t3, gain=nn.init.calculate_gain("tanh"))
    save("init", linear_w=lin.weight, linear_b=lin.bias, conv_w=conv.weight, conv_b=conv.bias,
         trunc=t1, kaiming_normal=t2, xavier=t3)

    # BatchNorm running statistics after 3 training steps, then eval (momentum 0.1 and None).
    xs = [torch.randn(4, 3, 2, 2) * (i + 1) + i for i in range(4)]
    out = {"x%d" % i: x for i, x in enumerate(xs)}
    for tag, momentum in [("m", 0.1), ("cma", None)]:
        bn = nn.BatchNorm2d(3, momentum=momentum)
        for x in xs[:3]:
            bn(x)
        bn.eval()
        out.update({tag + "_rm": bn.running_mean, tag + "_rv": bn.running_var,
                    tag + "_count": bn.num_batches_tracked, tag + "_eval": bn(xs[3])})
    save("batchnorm_steps", **out)

    # torchvision ResNet-18 state_dict keys and shapes: our modules must name things the same way.
    sd = torchvision.models.resnet18().state_dict()
    with open(os.path.join(OUT, "resnet18_keys.json"), "w") as f:
        json.dump({k: list(v.shape) for k, v in sd.items()}, f, separators=(",", ":"))


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    for f in (conv_cases, norm_cases, act_cases, pool_cases, resize_cases, loss_cases, module_cases):
        f()
    total = sum(os.path.getsize(os.path.join(OUT, n)) for n in os.listdir(OUT))
    print("wrote %d files, %d bytes" % (len(os.listdir(OUT)), total))
