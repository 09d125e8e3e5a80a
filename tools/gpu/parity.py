"""Writes tiny random models in the diffusers layout (autoencoder, UNet, CLIP text encoder), inputs and this
folder's PyTorch outputs, so that crossnet-core's PythonVaeParityTest and PythonUnetParityTest can check that
Java computes the same (and so loads what train_vae.py and train_unet.py write).

    python3 tools/gpu/parity.py crossnet-core/src/test/resources/dev/crossnet/core/gpu-parity
"""
import json
import os
import sys

import torch

from crossnet_unet import ClipTextModel, UNet2DConditionModel
from crossnet_vae import AutoencoderKL, save_safetensors


def perturb(model):
    """Moves norms off the identity and biases off zero, so that they are checked too."""
    with torch.no_grad():
        for name, p in model.named_parameters():
            if "norm" in name:
                p.add_(0.2 * torch.randn_like(p))
            if name.endswith("bias"):
                p.add_(0.1 * torch.randn_like(p))


def write(model, folder, config):
    os.makedirs(folder, exist_ok=True)
    save_safetensors(dict(model.state_dict()), os.path.join(folder, "model.safetensors" if "architectures" in config
                                                            else "diffusion_pytorch_model.safetensors"))
    with open(os.path.join(folder, "config.json"), "w") as f:
        json.dump(config, f, indent=2)


out = sys.argv[1]
torch.manual_seed(7)
vae = AutoencoderKL([8, 16], layers=1, groups=4, latent=4)
perturb(vae)
with torch.no_grad():
    x = torch.rand(2, 3, 16, 16) * 2 - 1
    mean = vae.encode_mean(x)
    decoded = vae.decode(mean)
write(vae, os.path.join(out, "vae"), vae.config(0.5, 16))
save_safetensors({"input": x, "mean": mean, "decoded": decoded}, os.path.join(out, "io.safetensors"))

torch.manual_seed(11)
text = ClipTextModel(vocab=20, dim=8, layers=1, heads=2, inner=16, positions=6)
unet = UNet2DConditionModel([8, 16], context_dim=8, heads=2, groups=4)
perturb(text)
perturb(unet)
with torch.no_grad():
    ids = torch.tensor([[18, 3, 7, 19, 19, 19], [18, 5, 2, 11, 19, 19]])
    hidden = text(ids)
    sample = torch.randn(2, 4, 8, 8)
    timesteps = torch.tensor([10.0, 730.0])
    prediction = unet(sample, timesteps, hidden)
write(text, os.path.join(out, "text_encoder"), text.config())
write(unet, os.path.join(out, "unet"), unet.config(8))
save_safetensors({"ids": ids.float(), "hidden": hidden, "sample": sample, "timesteps": timesteps,
                  "prediction": prediction}, os.path.join(out, "unet-io.safetensors"))
print("wrote", out, "decoded range", float(decoded.min()), float(decoded.max()), "prediction std",
      float(prediction.std()))
