"""Trains the default model v2's denoiser (UNet) and text encoder together on a GPU, from scratch, on latents of
the committed autoencoder, and writes them in the diffusers layout that crossnet-core loads (crossnet_unet.py is
checked against Java by PythonUnetParityTest). CrossNet's own trainer (TrainDefaultModel --stage unet) can go on
training what this writes, on the CPU.

Two steps, so that several recipes can share one encoding of the data:

    python3 tools/gpu/train_unet.py encode --train tools/gpu/data/train.bin.gz [--train more.bin.xz ...] \
        --vae models/default-v2/vae --tokenizer <tokenizer folder> --out /tmp/latents.pt
    python3 tools/gpu/train_unet.py train --latents /tmp/latents.pt --out $OUT/eps --seconds 420 \
        [--prediction epsilon|v_prediction] [--min-snr 5] [--channels 64,96,128] [--batch 256] [--lr 6e-4]

Recipe as DiffusionTraining's: noise added at a uniform timestep of the linear schedule (1e-4 to 0.02, 1000
steps), a share of captions replaced by the empty prompt (classifier-free guidance), AdamW with gradient
clipping at 1, an exponential moving average of the weights (what is written). Pictures and their mirror images
are both encoded (FigureWorld captions name no left or right). Held-out loss: the noise-prediction error on
held-out pictures at fixed timesteps and noise, comparable across prediction types.
"""
import argparse
import gzip
import json
import lzma
import math
import os
import struct
import sys
import time

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from crossnet_unet import ClipTextModel, UNet2DConditionModel  # noqa: E402
from crossnet_vae import AutoencoderKL, load_safetensors, save_safetensors  # noqa: E402

TEXT = dict(dim=64, layers=3, heads=4, inner=192, positions=48)


def read_pictures(path):
    """Pictures [N, 3, S, S] uint8 and captions of an ExportTrainingImages file (gzip or xz)."""
    opener = lzma.open if path.endswith(".xz") else gzip.open
    with opener(path, "rb") as f:
        data = f.read()
    assert data[:4] == b"CNFW", path + " is not a CNFW file"
    version, count, size = struct.unpack(">iii", data[4:16])
    assert version == 1, "unknown CNFW version %d" % version
    plane = size * size
    pixels = bytearray(count * 3 * plane)
    captions = []
    at = 16
    for i in range(count):
        pixels[i * 3 * plane:(i + 1) * 3 * plane] = data[at:at + 3 * plane]
        at += 4 * plane
        (n,) = struct.unpack(">H", data[at:at + 2])
        captions.append(data[at + 2:at + 2 + n].decode("utf-8"))
        at += 2 + n
    x = torch.frombuffer(pixels, dtype=torch.uint8).reshape(count, size, size, 3).permute(0, 3, 1, 2).contiguous()
    return x, captions


class WordTokenizer:
    """The default model's tokenizer for FigureWorld captions: every caption word is one token ("word</w>" in
    vocab.json), between bos and eos, padded with eos to max_length (what PromptTokenizer.encode gives)."""

    def __init__(self, folder, length):
        with open(os.path.join(folder, "vocab.json")) as f:
            self.vocab = json.load(f)
        self.bos = self.vocab["<|startoftext|>"]
        self.eos = self.vocab["<|endoftext|>"]
        self.length = length

    def encode(self, caption):
        ids = [self.bos]
        for w in caption.lower().split():
            assert w + "</w>" in self.vocab, "caption word '%s' is not one token of the vocabulary" % w
            ids.append(self.vocab[w + "</w>"])
        ids = ids[:self.length - 1] + [self.eos]
        return ids + [self.eos] * (self.length - len(ids))


def load_vae(folder, dev):
    with open(os.path.join(folder, "config.json")) as f:
        c = json.load(f)
    vae = AutoencoderKL(c["block_out_channels"], layers=c["layers_per_block"], groups=c["norm_num_groups"],
                        latent=c["latent_channels"])
    vae.load_state_dict(load_safetensors(os.path.join(folder, "diffusion_pytorch_model.safetensors")))
    return vae.to(dev).eval(), float(c["scaling_factor"])


def encode(args):
    dev = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    t0 = time.time()
    vae, scale = load_vae(args.vae, dev)
    tok = WordTokenizer(args.tokenizer, TEXT["positions"])
    out = {"scaling_factor": scale, "vocab": len(tok.vocab)}
    for split, files in (("train", args.train), ("eval", args.eval)):
        latents, ids = [], []
        for path in files:
            x, captions = read_pictures(path)
            with torch.no_grad():
                for mirror in ([False, True] if split == "train" else [False]):
                    for i in range(0, x.shape[0], args.batch):
                        b = x[i:i + args.batch].to(dev).float() / 127.5 - 1.0
                        if mirror:
                            b = b.flip(-1)
                        latents.append((vae.encode_mean(b) * scale).to(torch.float16).cpu())
                    ids.extend(tok.encode(c) for c in captions)
            print("%s: %d pictures from %s (%.0f s)" % (split, x.shape[0], path, time.time() - t0), flush=True)
        out[split + "_latents"] = torch.cat(latents)
        out[split + "_ids"] = torch.tensor(ids, dtype=torch.int32)
        out["empty_ids"] = torch.tensor(tok.encode(""), dtype=torch.int32)
    z = out["train_latents"].float()
    print("latents", tuple(z.shape), "std %.3f mean %.3f" % (float(z.std()), float(z.mean())), flush=True)
    torch.save(out, args.out)


def alphas_cumprod(dev, start=1e-4, end=0.02, steps=1000):
    betas = torch.linspace(start, end, steps, dtype=torch.float64)
    return torch.cumprod(1 - betas, 0).float().to(dev)


def train(args):
    dev = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    torch.manual_seed(args.seed)
    torch.backends.cuda.matmul.allow_tf32 = True
    torch.backends.cudnn.allow_tf32 = True
    data = torch.load(args.latents)
    z = data["train_latents"].to(dev)
    ids = data["train_ids"].long().to(dev)
    ez = data["eval_latents"].to(dev).float()
    eids = data["eval_ids"].long().to(dev)
    empty = data["empty_ids"].long().to(dev)
    name = os.path.basename(os.path.normpath(args.out))

    def say(*parts):
        print(name + ": " + " ".join(str(p) for p in parts), flush=True)

    channels = [int(c) for c in args.channels.split(",")]
    unet = UNet2DConditionModel(channels, context_dim=TEXT["dim"]).to(dev)
    text = ClipTextModel(data["vocab"], TEXT["dim"], TEXT["layers"], TEXT["heads"], TEXT["inner"],
                         TEXT["positions"]).to(dev)
    if args.init:
        unet.load_state_dict(load_safetensors(os.path.join(args.init, "unet", "diffusion_pytorch_model.safetensors")))
        text.load_state_dict(load_safetensors(os.path.join(args.init, "text_encoder", "model.safetensors")))
        say("started from", args.init)
    say("latents", tuple(z.shape), "held-out", tuple(ez.shape), "unet parameters",
        sum(p.numel() for p in unet.parameters()), "text", sum(p.numel() for p in text.parameters()))
    groups = [{"params": list(unet.parameters()), "lr": args.lr, "base": args.lr},
              {"params": list(text.parameters()), "lr": args.text_lr, "base": args.text_lr}]
    opt = torch.optim.AdamW(groups, weight_decay=0.01, betas=(0.9, 0.999), **({"fused": True} if dev.type == "cuda" else {}))
    params = list(unet.parameters()) + list(text.parameters())
    live = [p.data for p in params]
    averaged = [p.detach().clone() for p in params]
    ac = alphas_cumprod(dev)
    gen = torch.Generator(device=dev)
    gen.manual_seed(args.seed)
    log = open(os.path.join(args.out, "loss.csv"), "w")
    log.write("step,seconds,lr,loss\n")
    start, step, warmup = time.time(), 0, args.warmup
    while True:
        elapsed = time.time() - start
        if elapsed > args.seconds or (args.steps and step >= args.steps):
            break
        frac = step / args.steps if args.steps else elapsed / args.seconds
        factor = min(1.0, (step + 1) / warmup) * (0.9 * 0.5 * (1 + math.cos(math.pi * frac)) + 0.1)
        for g in opt.param_groups:
            g["lr"] = g["base"] * factor
        idx = torch.randint(0, z.shape[0], (args.batch,), device=dev, generator=gen)
        x0 = z[idx].float()
        t = torch.randint(0, 1000, (args.batch,), device=dev, generator=gen)
        noise = torch.randn(x0.shape, device=dev, generator=gen)
        a = ac[t].reshape(-1, 1, 1, 1)
        xt = a.sqrt() * x0 + (1 - a).sqrt() * noise
        drop = torch.rand(args.batch, device=dev, generator=gen) < args.caption_dropout
        tokens = torch.where(drop[:, None], empty[None, :], ids[idx])
        with torch.autocast(device_type=dev.type, dtype=torch.bfloat16, enabled=dev.type == "cuda"):
            prediction = unet(xt, t.float(), text(tokens)).float()
        target = noise if args.prediction == "epsilon" else a.sqrt() * noise - (1 - a).sqrt() * x0
        per = ((prediction - target) ** 2).mean(dim=(1, 2, 3))
        if args.min_snr > 0:
            snr = (a / (1 - a)).reshape(-1)
            weight = snr.clamp(max=args.min_snr) / (snr if args.prediction == "epsilon" else snr + 1)
            per = per * weight
        loss = per.mean()
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        opt.step()
        with torch.no_grad():
            d = min(args.ema, (1 + step) / (10 + step))
            torch._foreach_mul_(averaged, d)
            torch._foreach_add_(averaged, live, alpha=1 - d)
        if step % 200 == 0:
            log.write("%d,%.1f,%.3e,%.5f\n" % (step, elapsed, opt.param_groups[0]["lr"], loss.item()))
        if step % 2000 == 0:
            say("step %d  %.0f s  lr %.2e  loss %.5f" % (step, elapsed, opt.param_groups[0]["lr"], loss.item()))
        step += 1
    seconds = time.time() - start
    say("trained %d steps of %d in %.0f s (%.0f images/s)" % (step, args.batch, seconds, step * args.batch / seconds))
    with torch.no_grad():
        for p, m in zip(params, averaged):
            p.copy_(m)
    unet.eval()
    text.eval()
    held_out = held_out_error(unet, text, ez, eids, ac, args.prediction, dev)
    say("held-out noise error", " ".join("t%d %.4f" % kv for kv in held_out.items()),
        "mean %.4f" % (sum(held_out.values()) / len(held_out)))
    write(args.out, unet, text, data, args, step, seconds, held_out)
    log.close()


def held_out_error(unet, text, ez, eids, ac, prediction, dev):
    """Mean squared error of the implied noise on held-out latents at fixed timesteps and noise."""
    out = {}
    g = torch.Generator(device=dev)
    for t in (50, 250, 500, 750, 950):
        g.manual_seed(t)
        errs = []
        for i in range(0, ez.shape[0], 250):
            x0 = ez[i:i + 250]
            noise = torch.randn(x0.shape, device=dev, generator=g)
            a = ac[t]
            xt = a.sqrt() * x0 + (1 - a).sqrt() * noise
            with torch.no_grad():
                p = unet(xt, torch.full((x0.shape[0],), float(t), device=dev), text(eids[i:i + 250])).float()
            eps = p if prediction == "epsilon" else a.sqrt() * p + (1 - a).sqrt() * xt
            errs.append(((eps - noise) ** 2).mean(dim=(1, 2, 3)))
        out[t] = float(torch.cat(errs).mean())
    return out


def write(out, unet, text, data, args, steps, seconds, held_out):
    folder = os.path.join(out, "unet")
    os.makedirs(folder, exist_ok=True)
    save_safetensors(dict(unet.state_dict()), os.path.join(folder, "diffusion_pytorch_model.safetensors"), args.dtype)
    with open(os.path.join(folder, "config.json"), "w") as f:
        json.dump(unet.config(data["train_latents"].shape[-1]), f, indent=2)
    folder = os.path.join(out, "text_encoder")
    os.makedirs(folder, exist_ok=True)
    save_safetensors(dict(text.state_dict()), os.path.join(folder, "model.safetensors"), args.dtype)
    with open(os.path.join(folder, "config.json"), "w") as f:
        json.dump(text.config(), f, indent=2)
    summary = dict(vars(args), steps=steps, trained_seconds=round(seconds, 1), held_out_noise_error=held_out,
                   train_latents=list(data["train_latents"].shape),
                   device=torch.cuda.get_device_name() if torch.cuda.is_available() else "cpu",
                   torch=torch.__version__)
    with open(os.path.join(out, "summary.json"), "w") as f:
        json.dump(summary, f, indent=2)


def main():
    a = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = a.add_subparsers(dest="command", required=True)
    e = sub.add_parser("encode", help="encode pictures to scaled latents and captions to token ids")
    e.add_argument("--train", action="append", required=True, help="ExportTrainingImages file (.gz or .xz)")
    e.add_argument("--eval", action="append", required=True, help="held-out ExportTrainingImages file")
    e.add_argument("--vae", required=True, help="a diffusers vae/ folder")
    e.add_argument("--tokenizer", required=True, help="a tokenizer/ folder with vocab.json")
    e.add_argument("--batch", type=int, default=500)
    e.add_argument("--out", required=True)
    t = sub.add_parser("train", help="train a UNet and text encoder on encoded latents")
    t.add_argument("--latents", required=True)
    t.add_argument("--out", required=True)
    t.add_argument("--seconds", type=float, default=420)
    t.add_argument("--steps", type=int, default=0, help="stop after this many steps (0: the time budget only)")
    t.add_argument("--prediction", default="epsilon", choices=["epsilon", "v_prediction"])
    t.add_argument("--min-snr", type=float, default=0.0, help="min-SNR loss weighting gamma (0: off)")
    t.add_argument("--channels", default="64,96,128")
    t.add_argument("--batch", type=int, default=256)
    t.add_argument("--lr", type=float, default=6e-4)
    t.add_argument("--text-lr", type=float, default=3e-4)
    t.add_argument("--caption-dropout", type=float, default=0.1)
    t.add_argument("--ema", type=float, default=0.999)
    t.add_argument("--seed", type=int, default=1)
    t.add_argument("--dtype", default="F32", choices=["F32", "F16"])
    t.add_argument("--init", default=None, help="a train_unet.py output folder to start from (same widths)")
    t.add_argument("--warmup", type=int, default=500, help="steps of linear learning-rate warm-up")
    args = a.parse_args()
    if args.command == "encode":
        encode(args)
    else:
        os.makedirs(args.out, exist_ok=True)
        train(args)


if __name__ == "__main__":
    main()
