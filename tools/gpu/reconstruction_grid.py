"""Writes a PNG: the first pictures of a CNFW file in the top row, and below, one row per autoencoder folder,
their round trips through the latent mean. Needs PyTorch only (the PNG is written with zlib).

    /usr/bin/python3 tools/gpu/reconstruction_grid.py tools/gpu/data/eval.bin.gz out.png VAE_DIR [VAE_DIR...]
"""
import json
import os
import struct
import sys
import zlib

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from crossnet_vae import AutoencoderKL, load_safetensors  # noqa: E402
from train_vae import read_cnfw, to_unit  # noqa: E402


def write_png(img, path):
    c, h, w = img.shape
    rows = b"".join(b"\x00" + bytes(img[:, y, :].permute(1, 0).reshape(-1).tolist()) for y in range(h))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def main():
    data, out, folders = sys.argv[1], sys.argv[2], sys.argv[3:]
    x, _ = read_cnfw(data)
    x = x[:6]
    rows = [x]
    for folder in folders:
        cfg = json.load(open(os.path.join(folder, "config.json")))
        vae = AutoencoderKL(cfg["block_out_channels"], cfg["layers_per_block"], cfg["norm_num_groups"],
                            cfg["latent_channels"])
        vae.load_state_dict(load_safetensors(os.path.join(folder, "diffusion_pytorch_model.safetensors")))
        with torch.no_grad():
            d = vae.decode(vae.encode_mean(to_unit(x))).clamp(-1, 1)
        rows.append(((d + 1) * 127.5).round().to(torch.uint8))
    write_png(torch.cat([torch.cat(list(r), dim=2) for r in rows], dim=1), out)


if __name__ == "__main__":
    main()
