"""Golden data for IP-Adapter Plus's image projection (the Resampler).

Runs the reference implementation, tencent-ailab/IP-Adapter's ip_adapter/resampler.py (fetched, not copied:
pass its folder), on random weights of a tiny configuration and records the weights in the published flat layout
(image_proj.*) with inputs and outputs, as safetensors (tools/gpu's writer: no safetensors package needed).

    python3 tools/goldens/ip_adapter_plus.py /path/to/IP-Adapter OUT_DIR
"""
import json
import os
import sys
import types

import torch

sys.modules["einops"] = types.ModuleType("einops")  # only used by options the golden does not take
sys.modules["einops"].rearrange = None
sys.modules["einops.layers"] = types.ModuleType("einops.layers")
sys.modules["einops.layers.torch"] = types.ModuleType("einops.layers.torch")
sys.modules["einops.layers.torch"].Rearrange = None
sys.path.insert(0, sys.argv[1])
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "gpu"))
from crossnet_vae import save_safetensors  # noqa: E402
from ip_adapter.resampler import Resampler  # noqa: E402

CONFIG = dict(dim=16, depth=2, dim_head=4, heads=2, num_queries=4, embedding_dim=24, output_dim=16, ff_mult=4)


def main():
    out = sys.argv[2]
    torch.manual_seed(7)
    model = Resampler(**CONFIG).eval()
    with torch.no_grad():
        for p in model.parameters():  # LayerNorms away from identity, so every weight matters
            p.add_(torch.randn_like(p) * 0.2)
    features = torch.randn(2, 5, CONFIG["embedding_dim"])
    with torch.no_grad():
        tokens = model(features)
    save_safetensors({"image_proj." + k: v for k, v in model.state_dict().items()}, out + "/image_proj.safetensors")
    save_safetensors({"features": features, "tokens": tokens}, out + "/io.safetensors")
    with open(out + "/case.json", "w") as f:
        json.dump({"reference": "tencent-ailab/IP-Adapter ip_adapter/resampler.py Resampler", "config": CONFIG,
                   "torch": torch.__version__}, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
