#!/usr/bin/python3
"""Reference values for the MedSsl kit's parity tests (models, losses, LARS, metrics).

Run with Debian's PyTorch / scikit-learn:
    /usr/bin/python3 tests/MedSsl.Tests/Golden/make_ssl_goldens.py            # small goldens -> Golden/ssl/*.npz
    /usr/bin/python3 tests/MedSsl.Tests/Golden/make_ssl_goldens.py --resnets DIR
The second form is run by the tests themselves (into a temp dir, never committed): torchvision ResNet-18/50
state dicts with random weights (~150 MB), an input batch and their eval-mode outputs.
Inputs are drawn here and stored, so the C# side never needs PyTorch's random stream. Seeded: rerunning
rewrites the same files.
"""
import json
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F
import torchvision
from sklearn.metrics import roc_auc_score

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "ssl")
LARGE_NUM = 1e9


# ---- NT-Xent, written as SimCLR's objective.add_contrastive_loss (TF code, in PyTorch) ----
def simclr_code_loss(z0, z1, tau):
    """loss_a + loss_b, each a mean over N: the official code's value (= 2 x the paper's L)."""
    h1, h2 = F.normalize(z0, dim=1), F.normalize(z1, dim=1)
    n = h1.shape[0]
    labels = torch.arange(n)
    masks = torch.eye(n, dtype=h1.dtype)
    logits_aa = h1 @ h1.T / tau - masks * LARGE_NUM
    logits_bb = h2 @ h2.T / tau - masks * LARGE_NUM
    logits_ab = h1 @ h2.T / tau
    logits_ba = h2 @ h1.T / tau
    loss_a = F.cross_entropy(torch.cat([logits_ab, logits_aa], 1), labels)
    loss_b = F.cross_entropy(torch.cat([logits_ba, logits_bb], 1), labels)
    return loss_a + loss_b


def multi_positive_loss(z, ids, tau):
    """Positives = other views with the same id; -log(sum_pos exp / sum_{k != i} exp), mean over anchors."""
    z = F.normalize(z, dim=1)
    sim = torch.exp(z @ z.T / tau)
    not_self = ~torch.eye(len(ids), dtype=torch.bool)
    pos = (ids[:, None] == ids[None, :]) & not_self
    return -(torch.log((sim * pos).sum(1) / (sim * not_self).sum(1))).mean()


def ntxent_goldens():
    torch.manual_seed(0)
    out = {}
    z0 = torch.randn(8, 16).float()
    z1 = (z0 + 0.5 * torch.randn(8, 16)).float()
    out["z0"], out["z1"] = z0.numpy(), z1.numpy()
    for tau in (0.1, 0.5):
        a = z0.double().requires_grad_()
        b = z1.double().requires_grad_()
        paper = simclr_code_loss(a, b, tau) / 2  # the paper's L: mean over the 2N anchors
        ga, gb = torch.autograd.grad(paper, (a, b))
        key = "tau%g" % tau
        out[key + "_loss"] = np.array(paper.item())
        out[key + "_dz0"], out[key + "_dz1"] = ga.numpy(), gb.numpy()
    ids = torch.tensor([0, 0, 0, 1, 1, 2, 2, 2, 2, 3, 3, 1])
    z = torch.randn(12, 16).float()
    zz = z.double().requires_grad_()
    loss = multi_positive_loss(zz, ids, 0.2)
    (gz,) = torch.autograd.grad(loss, (zz,))
    out.update(mp_z=z.numpy(), mp_ids=ids.numpy(), mp_loss=np.array(loss.item()), mp_dz=gz.numpy())
    np.savez(os.path.join(OUT, "ntxent.npz"), **out)


# ---- ROC AUC against scikit-learn ----
def auc_goldens():
    rng = np.random.default_rng(0)
    out = {}
    n = 200
    y = rng.integers(0, 2, n)
    s = rng.normal(size=n) + 0.8 * y
    out.update(bin_y=y, bin_s=s, bin_auc=np.array(roc_auc_score(y, s)))
    st = np.round(s, 0)  # a handful of distinct values: heavy ties
    out.update(tied_s=st, tied_auc=np.array(roc_auc_score(y, st)))
    # one-vs-rest over 5 classes: probabilities (rows sum to 1), random and heavily tied (multiples of 0.1)
    c = 5
    yc = np.concatenate([np.arange(c), rng.integers(0, c, 145)])
    logits = rng.normal(size=(150, c)) + 1.2 * np.eye(c)[yc]
    p = np.exp(logits) / np.exp(logits).sum(1, keepdims=True)
    counts = rng.multinomial(10, p.mean(0), size=150) + 0
    counts[np.arange(150), yc] += rng.integers(0, 3, 150)
    pt = counts / counts.sum(1, keepdims=True)
    out.update(ovr_y=yc, ovr_p=p, ovr_macro=np.array(roc_auc_score(yc, p, multi_class="ovr", average="macro")),
               ovr_per=np.array([roc_auc_score(yc == k, p[:, k]) for k in range(c)]),
               ovrt_p=pt, ovrt_macro=np.array(roc_auc_score(yc, pt, multi_class="ovr", average="macro")))
    # multi-label with NaN = unlabelled: each label scored on its labelled rows only
    nl = 4
    ym = rng.integers(0, 2, (120, nl)).astype(float)
    sm = rng.normal(size=(120, nl)) + ym
    ym[rng.random((120, nl)) < 0.3] = np.nan
    smt = np.round(sm * 2) / 2
    for name, scores in (("ml", sm), ("mlt", smt)):
        per = []
        for k in range(nl):
            keep = ~np.isnan(ym[:, k])
            per.append(roc_auc_score(ym[keep, k], scores[keep, k]))
        out[name + "_s"], out[name + "_per"], out[name + "_mean"] = scores, np.array(per), np.array(np.mean(per))
    out["ml_y"] = ym
    np.savez(os.path.join(OUT, "auc.npz"), **out)


# ---- LARS, SimCLR's lars_optimizer.py in NumPy float64 ----
def lars_goldens():
    rng = np.random.default_rng(1)
    params = {"w": rng.normal(size=(4, 3)), "b": rng.normal(size=4), "z": np.zeros((2, 3))}
    excluded = {"b"}  # 1-D: no weight decay, no trust ratio
    lrs, momentum, wd, eta = [0.5, 0.4, 0.3], 0.9, 1e-2, 1e-3
    grads = [{k: rng.normal(size=v.shape) for k, v in params.items()} for _ in lrs]
    grads[0]["z"][:] = 0  # w = 0 and g = 0: trust = 1 and a zero update
    out = {"init_" + k: v.copy() for k, v in params.items()}
    v = {k: np.zeros_like(p) for k, p in params.items()}
    for t, lr in enumerate(lrs):
        for k, w in params.items():
            g = grads[t][k].copy()
            out["grad%d_%s" % (t, k)] = g.copy()
            if k not in excluded:
                g = g + wd * w
                wn, gn = np.linalg.norm(w), np.linalg.norm(g)
                trust = eta * wn / gn if wn > 0 and gn > 0 else 1.0
            else:
                trust = 1.0
            v[k] = momentum * v[k] + lr * trust * g
            params[k] = w - v[k]
            out["step%d_%s" % (t, k)] = params[k].copy()
    out.update(lrs=np.array(lrs), hyper=np.array([momentum, wd, eta]))
    np.savez(os.path.join(OUT, "lars.npz"), **out)


# ---- torchvision key names and shapes (no weights) ----
def key_goldens():
    out = {}
    for arch in ("resnet18", "resnet50"):
        sd = getattr(torchvision.models, arch)().state_dict()
        out[arch] = [[k, list(v.shape)] for k, v in sd.items()]
    with open(os.path.join(OUT, "resnet_keys.json"), "w") as f:
        json.dump(out, f, separators=(",", ":"))


# ---- test-time fixture: random-weight torchvision ResNets and their eval outputs ----
def randomise_bn(model, gen):
    """Random BN statistics and affine terms, so eval mode is not an identity; the last BN of each residual
    branch gets a small gamma so activations stay O(1) through ResNet-50's 16 blocks."""
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, torch.nn.BatchNorm2d):
                m.weight.uniform_(0.5, 1.5, generator=gen)
                m.bias.normal_(0, 0.1, generator=gen)
                m.running_mean.normal_(0, 0.1, generator=gen)
                m.running_var.uniform_(0.5, 1.5, generator=gen)
        for m in model.modules():
            if isinstance(m, torchvision.models.resnet.Bottleneck):
                m.bn3.weight.uniform_(0.1, 0.3, generator=gen)
            elif isinstance(m, torchvision.models.resnet.BasicBlock):
                m.bn2.weight.uniform_(0.1, 0.3, generator=gen)
    return model


def write_resnets(d):
    torch.manual_seed(0)
    gen = torch.Generator().manual_seed(0)
    os.makedirs(d, exist_ok=True)
    rgb = torch.rand(2, 3, 64, 64, generator=gen)
    grey = torch.rand(2, 1, 32, 32, generator=gen)
    np.save(os.path.join(d, "input_rgb.npy"), rgb.numpy())
    np.save(os.path.join(d, "input_grey.npy"), grey.numpy())
    small = torchvision.models.resnet18()
    small.conv1 = torch.nn.Conv2d(1, 64, 3, 1, 1, bias=False)  # SimCLR's small-image stem, grey input
    small.maxpool = torch.nn.Identity()
    models = {"resnet18": (torchvision.models.resnet18(), rgb), "resnet50": (torchvision.models.resnet50(), rgb),
              "resnet18_small_grey": (small, grey)}
    for name, (model, x) in models.items():
        model = randomise_bn(model, gen).eval()
        torch.save(model.state_dict(), os.path.join(d, name + ".pth"))
        with torch.no_grad():
            logits = model(x)
            model.fc = torch.nn.Identity()
            features = model(x)
        np.save(os.path.join(d, name + "_logits.npy"), logits.numpy())
        np.save(os.path.join(d, name + "_features.npy"), features.numpy())


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--resnets":
        write_resnets(sys.argv[2])
    else:
        os.makedirs(OUT, exist_ok=True)
        ntxent_goldens()
        auc_goldens()
        lars_goldens()
        key_goldens()
