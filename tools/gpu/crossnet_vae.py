"""CrossNet's autoencoder in PyTorch, parameter for parameter the one crossnet-core loads (diffusers'
AutoencoderKL layout: DownEncoderBlock2D / UpDecoderBlock2D, SiLU, GroupNorm eps 1e-6, single-head mid-block
attention), so that weights trained here load in Java unchanged. Used by train_vae.py on a GPU; nothing in the
library needs it."""
import json
import math
import struct

import torch
import torch.nn as nn
import torch.nn.functional as F

EPS = 1e-6


class Resnet(nn.Module):
    def __init__(self, cin, cout, groups):
        super().__init__()
        self.norm1 = nn.GroupNorm(groups, cin, eps=EPS)
        self.conv1 = nn.Conv2d(cin, cout, 3, padding=1)
        self.norm2 = nn.GroupNorm(groups, cout, eps=EPS)
        self.conv2 = nn.Conv2d(cout, cout, 3, padding=1)
        self.conv_shortcut = nn.Conv2d(cin, cout, 1) if cin != cout else None

    def forward(self, x):
        h = self.conv1(F.silu(self.norm1(x)))
        h = self.conv2(F.silu(self.norm2(h)))
        return (x if self.conv_shortcut is None else self.conv_shortcut(x)) + h


class MidAttention(nn.Module):
    def __init__(self, channels, groups):
        super().__init__()
        self.group_norm = nn.GroupNorm(groups, channels, eps=EPS)
        self.to_q = nn.Linear(channels, channels)
        self.to_k = nn.Linear(channels, channels)
        self.to_v = nn.Linear(channels, channels)
        self.to_out = nn.ModuleList([nn.Linear(channels, channels)])

    def forward(self, x):
        b, c, h, w = x.shape
        s = self.group_norm(x).reshape(b, c, h * w).transpose(1, 2)
        q, k, v = self.to_q(s), self.to_k(s), self.to_v(s)
        a = torch.softmax(q @ k.transpose(1, 2) / math.sqrt(c), dim=-1) @ v
        return self.to_out[0](a).transpose(1, 2).reshape(b, c, h, w) + x


class Mid(nn.Module):
    def __init__(self, channels, groups):
        super().__init__()
        self.resnets = nn.ModuleList([Resnet(channels, channels, groups), Resnet(channels, channels, groups)])
        self.attentions = nn.ModuleList([MidAttention(channels, groups)])

    def forward(self, x):
        return self.resnets[1](self.attentions[0](self.resnets[0](x)))


class Down(nn.Module):
    def __init__(self, cin, cout, layers, groups, downsample):
        super().__init__()
        self.resnets = nn.ModuleList([Resnet(cin if j == 0 else cout, cout, groups) for j in range(layers)])
        if downsample:
            d = nn.Module()
            d.conv = nn.Conv2d(cout, cout, 3, stride=2)
            self.downsamplers = nn.ModuleList([d])
        else:
            self.downsamplers = None

    def forward(self, x):
        for r in self.resnets:
            x = r(x)
        if self.downsamplers is not None:
            x = self.downsamplers[0].conv(F.pad(x, (0, 1, 0, 1)))
        return x


class Up(nn.Module):
    def __init__(self, cin, cout, layers, groups, upsample):
        super().__init__()
        self.resnets = nn.ModuleList([Resnet(cin if j == 0 else cout, cout, groups) for j in range(layers + 1)])
        if upsample:
            u = nn.Module()
            u.conv = nn.Conv2d(cout, cout, 3, padding=1)
            self.upsamplers = nn.ModuleList([u])
        else:
            self.upsamplers = None

    def forward(self, x):
        for r in self.resnets:
            x = r(x)
        if self.upsamplers is not None:
            x = self.upsamplers[0].conv(F.interpolate(x, scale_factor=2.0, mode="nearest"))
        return x


class Encoder(nn.Module):
    def __init__(self, ch, layers, groups, latent):
        super().__init__()
        self.conv_in = nn.Conv2d(3, ch[0], 3, padding=1)
        blocks, out = [], ch[0]
        for i, c in enumerate(ch):
            blocks.append(Down(out, c, layers, groups, i < len(ch) - 1))
            out = c
        self.down_blocks = nn.ModuleList(blocks)
        self.mid_block = Mid(ch[-1], groups)
        self.conv_norm_out = nn.GroupNorm(groups, ch[-1], eps=EPS)
        self.conv_out = nn.Conv2d(ch[-1], 2 * latent, 3, padding=1)

    def forward(self, x):
        x = self.conv_in(x)
        for b in self.down_blocks:
            x = b(x)
        return self.conv_out(F.silu(self.conv_norm_out(self.mid_block(x))))


class Decoder(nn.Module):
    def __init__(self, ch, layers, groups, latent):
        super().__init__()
        self.conv_in = nn.Conv2d(latent, ch[-1], 3, padding=1)
        self.mid_block = Mid(ch[-1], groups)
        blocks, out = [], ch[-1]
        for i in range(len(ch)):
            c = ch[len(ch) - 1 - i]
            blocks.append(Up(out, c, layers, groups, i < len(ch) - 1))
            out = c
        self.up_blocks = nn.ModuleList(blocks)
        self.conv_norm_out = nn.GroupNorm(groups, ch[0], eps=EPS)
        self.conv_out = nn.Conv2d(ch[0], 3, 3, padding=1)

    def forward(self, z):
        x = self.mid_block(self.conv_in(z))
        for b in self.up_blocks:
            x = b(x)
        return self.conv_out(F.silu(self.conv_norm_out(x)))


class AutoencoderKL(nn.Module):
    def __init__(self, channels, layers=1, groups=32, latent=4):
        super().__init__()
        self.channels, self.layers, self.groups, self.latent = list(channels), layers, groups, latent
        self.encoder = Encoder(channels, layers, groups, latent)
        self.decoder = Decoder(channels, layers, groups, latent)
        self.quant_conv = nn.Conv2d(2 * latent, 2 * latent, 1)
        self.post_quant_conv = nn.Conv2d(latent, latent, 1)

    def encode_mean(self, x):
        return self.quant_conv(self.encoder(x))[:, : self.latent]

    def decode(self, z):
        return self.decoder(self.post_quant_conv(z))

    def config(self, scaling_factor, sample_size):
        n = len(self.channels)
        return {"_class_name": "AutoencoderKL", "_diffusers_version": "0.30.0", "act_fn": "silu",
                "block_out_channels": self.channels, "down_block_types": ["DownEncoderBlock2D"] * n,
                "in_channels": 3, "latent_channels": self.latent, "layers_per_block": self.layers,
                "norm_num_groups": self.groups, "out_channels": 3, "sample_size": sample_size,
                "scaling_factor": scaling_factor, "up_block_types": ["UpDecoderBlock2D"] * n}


def save_safetensors(tensors, path, dtype="F32"):
    """Writes tensors as float32 ("F32") or float16 ("F16") in the safetensors format (8-byte header length,
    JSON header, raw data)."""
    header, offset, blobs = {}, 0, []
    for name in sorted(tensors):
        t = tensors[name].detach().to("cpu", torch.float32 if dtype == "F32" else torch.float16).contiguous()
        try:
            data = t.numpy().tobytes()
        except (ImportError, RuntimeError):  # a PyTorch without numpy
            data = bytes(t.reshape(-1).view(torch.uint8).tolist())
        header[name] = {"dtype": dtype, "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        offset += len(data)
        blobs.append(data)
    head = json.dumps(header, separators=(",", ":")).encode()
    head += b" " * ((8 - len(head) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(head)))
        f.write(head)
        for b in blobs:
            f.write(b)


def load_safetensors(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        data = f.read()
    out = {}
    for name, h in header.items():
        if name == "__metadata__":
            continue
        types = {"F32": torch.float32, "F16": torch.float16}
        assert h["dtype"] in types, name + " is " + h["dtype"]
        a, b = h["data_offsets"]
        out[name] = torch.frombuffer(bytearray(data[a:b]), dtype=types[h["dtype"]]).reshape(h["shape"]).float()
    return out
