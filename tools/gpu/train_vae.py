"""Trains the default model v2's autoencoder on a GPU, writing the same diffusers-layout weights that
crossnet-core's own trainer writes (crossnet_vae.py is checked against Java by PythonVaeParityTest).

Data: files written by `ExportTrainingImages` (CNFW format, see FigureWorldImages.export).
Loss: the mean absolute error weighted 1 + figure_weight on figure pixels and 1 elsewhere, decoded from the latent
mean (deterministic), as VaeTraining with --vae-error absolute --vae-figure-weight does, so that CrossNet's trainer
can resume from these weights on the CPU with the same loss.

    python3 tools/gpu/train_vae.py --train tools/gpu/data/train.bin.gz --eval tools/gpu/data/eval.bin.gz \
        --out $OUT --seconds 420
"""
import argparse
import gzip
import json
import math
import os
import struct
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from crossnet_vae import AutoencoderKL, load_safetensors, save_safetensors  # noqa: E402


def read_cnfw(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    assert data[:4] == b"CNFW", path + " is not a CNFW file"
    version, count, size = struct.unpack(">iii", data[4:16])
    assert version == 1, "unknown CNFW version %d" % version
    plane = size * size
    pixels = bytearray(count * 3 * plane)
    masks = bytearray(count * plane)
    at = 16
    for i in range(count):
        pixels[i * 3 * plane:(i + 1) * 3 * plane] = data[at:at + 3 * plane]
        at += 3 * plane
        masks[i * plane:(i + 1) * plane] = data[at:at + plane]
        at += plane
        (n,) = struct.unpack(">H", data[at:at + 2])
        at += 2 + n
    x = torch.frombuffer(pixels, dtype=torch.uint8).reshape(count, size, size, 3).permute(0, 3, 1, 2).contiguous()
    m = torch.frombuffer(masks, dtype=torch.uint8).reshape(count, 1, size, size)
    return x, m


def to_unit(x):
    return x.float() / 127.5 - 1.0


def weighted_l1(decoded, target, mask, figure_weight):
    w = 1.0 + figure_weight * mask.float()
    return ((decoded - target).abs() * w).sum() / (w.sum() * target.shape[1])


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--train", required=True)
    a.add_argument("--eval", required=True)
    a.add_argument("--out", required=True)
    a.add_argument("--channels", default="32,64,64,64")
    a.add_argument("--batch", type=int, default=64)
    a.add_argument("--lr", type=float, default=4e-4)
    a.add_argument("--figure-weight", type=float, default=4.0)
    a.add_argument("--seconds", type=float, default=420)
    a.add_argument("--seed", type=int, default=1)
    a.add_argument("--latent", type=int, default=4)
    a.add_argument("--init", default=None, help="a vae/ folder to start from (its config must match)")
    a.add_argument("--dtype", default="F32", choices=["F32", "F16"])
    args = a.parse_args()
    torch.manual_seed(args.seed)
    dev = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    t0 = time.time()
    xs, ms = read_cnfw(args.train)
    ex, em = read_cnfw(args.eval)
    xs, ms, ex, em = xs.to(dev), ms.to(dev), ex.to(dev), em.to(dev)
    size = xs.shape[-1]
    name = os.path.basename(os.path.normpath(args.out))

    def say(*parts):
        print(name + ": " + " ".join(str(p) for p in parts), flush=True)

    say("data", tuple(xs.shape), tuple(ex.shape), "loaded in %.1f s on %s" % (time.time() - t0, dev))
    vae = AutoencoderKL([int(c) for c in args.channels.split(",")], layers=1, groups=32, latent=args.latent).to(dev)
    if args.init:
        vae.load_state_dict({k: v.to(dev) for k, v in
                             load_safetensors(os.path.join(args.init, "diffusion_pytorch_model.safetensors")).items()})
        say("started from", args.init)
    vae = vae.to(memory_format=torch.channels_last)
    params = sum(p.numel() for p in vae.parameters())
    say("parameters", params)
    opt = torch.optim.AdamW(vae.parameters(), lr=args.lr, weight_decay=0.0, betas=(0.9, 0.99))
    ema = {k: v.detach().clone().float() for k, v in vae.state_dict().items()}
    live = list(vae.state_dict().values())
    averaged = [ema[k] for k in vae.state_dict().keys()]
    gen = torch.Generator(device=dev)
    gen.manual_seed(args.seed)
    start = time.time()
    step, warmup = 0, 300
    while True:
        elapsed = time.time() - start
        if elapsed > args.seconds:
            break
        frac = elapsed / args.seconds
        lr = args.lr * min(1.0, (step + 1) / warmup) * (0.5 * (1 + math.cos(math.pi * frac)) * 0.9 + 0.1)
        for g in opt.param_groups:
            g["lr"] = lr
        idx = torch.randint(0, xs.shape[0], (args.batch,), device=dev, generator=gen)
        x = to_unit(xs[idx]).contiguous(memory_format=torch.channels_last)
        m = ms[idx]
        if step % 2 == 1:  # left-right mirror: FigureWorld pictures mean the same mirrored
            x, m = x.flip(-1), m.flip(-1)
        with torch.autocast(device_type=dev.type, dtype=torch.bfloat16, enabled=dev.type == "cuda"):
            decoded = vae.decode(vae.encode_mean(x))
        loss = weighted_l1(decoded.float(), x, m, args.figure_weight)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(vae.parameters(), 1.0)
        opt.step()
        with torch.no_grad():
            d = min(0.999, (1 + step) / (10 + step))
            torch._foreach_mul_(averaged, d)
            torch._foreach_add_(averaged, live, alpha=1 - d)
        if step % 500 == 0:
            say("step %d  %.0f s  lr %.2e  loss %.5f" % (step, elapsed, lr, loss.item()))
        step += 1
    say("trained %d steps of %d in %.0f s (%.1f images/s)" % (step, args.batch, time.time() - start,
                                                             step * args.batch / (time.time() - start)))
    vae.load_state_dict({k: v.to(vae.state_dict()[k].dtype) for k, v in ema.items()})
    vae.eval()
    with torch.no_grad():
        errs, figure_errs, means = [], [], []
        for i in range(0, ex.shape[0], 64):
            x = to_unit(ex[i:i + 64])
            z = vae.encode_mean(x)
            means.append(z.float())
            d = vae.decode(z).clamp(-1, 1)
            errs.append((d - x).abs().mean(dim=(1, 2, 3)))
            m = em[i:i + 64].float()
            figure_errs.append(((d - x).abs().mean(dim=1, keepdim=True) * m).sum(dim=(1, 2, 3))
                               / m.sum(dim=(1, 2, 3)).clamp(min=1))
        z = torch.cat(means)
        scaling = 1.0 / float(z.std(unbiased=False))
        say("held-out mean absolute error %.4f, on figures %.4f (pixels in [-1, 1]); scaling factor %.4f"
            % (float(torch.cat(errs).mean()), float(torch.cat(figure_errs).mean()), scaling))
    folder = os.path.join(args.out, "vae")
    os.makedirs(folder, exist_ok=True)
    save_safetensors(dict(vae.state_dict()), os.path.join(folder, "diffusion_pytorch_model.safetensors"),
                     args.dtype)
    with open(os.path.join(folder, "config.json"), "w") as f:
        json.dump(vae.config(scaling, size), f, indent=2)
    say("wrote", folder)


if __name__ == "__main__":
    main()
