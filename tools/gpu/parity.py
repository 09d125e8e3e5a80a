"""Writes a tiny random autoencoder in the diffusers layout, an input and this module's outputs, so that
crossnet-core's GpuVaeParityTest can check that Java computes the same (and so loads train_vae.py's weights).

    /usr/bin/python3 tools/gpu/parity.py crossnet-core/src/test/resources/dev/crossnet/core/gpu-parity
"""
import json
import os
import sys

import torch

from crossnet_vae import AutoencoderKL, save_safetensors

out = sys.argv[1]
os.makedirs(os.path.join(out, "vae"), exist_ok=True)
torch.manual_seed(7)
vae = AutoencoderKL([8, 16], layers=1, groups=4, latent=4)
with torch.no_grad():
    for name, p in vae.named_parameters():
        if "norm" in name:  # GroupNorm affine: not the identity, so that it is checked too
            p.add_(0.2 * torch.randn_like(p))
        if name.endswith("bias"):
            p.add_(0.1 * torch.randn_like(p))
    x = torch.rand(2, 3, 16, 16) * 2 - 1
    mean = vae.encode_mean(x)
    decoded = vae.decode(mean)
save_safetensors(dict(vae.state_dict()), os.path.join(out, "vae", "diffusion_pytorch_model.safetensors"))
with open(os.path.join(out, "vae", "config.json"), "w") as f:
    json.dump(vae.config(0.5, 16), f, indent=2)
save_safetensors({"input": x, "mean": mean, "decoded": decoded}, os.path.join(out, "io.safetensors"))
print("wrote", out, "decoded range", float(decoded.min()), float(decoded.max()))
