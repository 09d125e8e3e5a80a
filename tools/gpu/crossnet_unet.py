"""CrossNet's denoiser and text encoder in PyTorch, parameter for parameter the ones crossnet-core loads:
diffusers' UNet2DConditionModel (CrossAttnDownBlock2D ... DownBlock2D, UNetMidBlock2DCrossAttn, UpBlock2D,
CrossAttnUpBlock2D ..., one layer per block, conv projections, GEGLU feed-forward) and transformers'
CLIPTextModel (causal, quick_gelu). Weights trained here load in Java unchanged. Used by train_unet.py on a
GPU; nothing in the library needs it.

Architecture facts (names, shapes, epsilons) follow the diffusers / transformers configs that
DefaultModelConfig writes; the code is this project's own."""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


def attend(q, k, v, causal=False):
    """Scaled dot-product attention over [B, heads, N, d]; PyTorch's fused kernel where it has one (2.0+)."""
    if hasattr(F, "scaled_dot_product_attention"):
        return F.scaled_dot_product_attention(q, k, v, is_causal=causal)
    scores = q @ k.transpose(-1, -2) / math.sqrt(q.shape[-1])
    if causal:
        n = q.shape[-2]
        scores = scores.masked_fill(torch.ones(n, n, dtype=torch.bool, device=q.device).triu(1), float("-inf"))
    return torch.softmax(scores, dim=-1) @ v


class Resnet(nn.Module):
    def __init__(self, cin, cout, temb, groups, eps):
        super().__init__()
        self.norm1 = nn.GroupNorm(groups, cin, eps=eps)
        self.conv1 = nn.Conv2d(cin, cout, 3, padding=1)
        self.time_emb_proj = nn.Linear(temb, cout)
        self.norm2 = nn.GroupNorm(groups, cout, eps=eps)
        self.conv2 = nn.Conv2d(cout, cout, 3, padding=1)
        self.conv_shortcut = nn.Conv2d(cin, cout, 1) if cin != cout else None

    def forward(self, x, temb):
        h = self.conv1(F.silu(self.norm1(x)))
        h = h + self.time_emb_proj(F.silu(temb))[:, :, None, None]
        h = self.conv2(F.silu(self.norm2(h)))
        return (x if self.conv_shortcut is None else self.conv_shortcut(x)) + h


class Attention(nn.Module):
    """Multi-head attention with diffusers' names (to_q, to_k, to_v without bias, to_out.0 with)."""

    def __init__(self, dim, context_dim, heads):
        super().__init__()
        self.heads = heads
        self.to_q = nn.Linear(dim, dim, bias=False)
        self.to_k = nn.Linear(context_dim, dim, bias=False)
        self.to_v = nn.Linear(context_dim, dim, bias=False)
        self.to_out = nn.ModuleList([nn.Linear(dim, dim)])

    def forward(self, x, context=None):
        c = x if context is None else context
        b, n, d = x.shape
        split = lambda t: t.reshape(b, t.shape[1], self.heads, d // self.heads).transpose(1, 2)  # noqa: E731
        a = attend(split(self.to_q(x)), split(self.to_k(c)), split(self.to_v(c)))
        return self.to_out[0](a.transpose(1, 2).reshape(b, n, d))


class GegluFeedForward(nn.Module):
    def __init__(self, dim):
        super().__init__()
        proj = nn.Module()
        proj.proj = nn.Linear(dim, dim * 8)
        self.net = nn.ModuleList([proj, nn.Identity(), nn.Linear(dim * 4, dim)])

    def forward(self, x):
        h, gate = self.net[0].proj(x).chunk(2, dim=-1)
        return self.net[2](h * F.gelu(gate))


class TransformerBlock(nn.Module):
    def __init__(self, dim, context_dim, heads):
        super().__init__()
        self.norm1 = nn.LayerNorm(dim, eps=1e-5)
        self.attn1 = Attention(dim, dim, heads)
        self.norm2 = nn.LayerNorm(dim, eps=1e-5)
        self.attn2 = Attention(dim, context_dim, heads)
        self.norm3 = nn.LayerNorm(dim, eps=1e-5)
        self.ff = GegluFeedForward(dim)

    def forward(self, x, context):
        x = self.attn1(self.norm1(x)) + x
        x = self.attn2(self.norm2(x), context) + x
        return self.ff(self.norm3(x)) + x


class Transformer2D(nn.Module):
    def __init__(self, channels, context_dim, heads, groups):
        super().__init__()
        self.norm = nn.GroupNorm(groups, channels, eps=1e-6)
        self.proj_in = nn.Conv2d(channels, channels, 1)
        self.transformer_blocks = nn.ModuleList([TransformerBlock(channels, context_dim, heads)])
        self.proj_out = nn.Conv2d(channels, channels, 1)

    def forward(self, x, context):
        b, c, h, w = x.shape
        y = self.proj_in(self.norm(x)).permute(0, 2, 3, 1).reshape(b, h * w, c)
        for block in self.transformer_blocks:
            y = block(y, context)
        return self.proj_out(y.reshape(b, h, w, c).permute(0, 3, 1, 2)) + x


class Down(nn.Module):
    def __init__(self, cin, cout, temb, groups, eps, cross, context_dim, heads, downsample):
        super().__init__()
        self.resnets = nn.ModuleList([Resnet(cin, cout, temb, groups, eps)])
        self.attentions = nn.ModuleList([Transformer2D(cout, context_dim, heads, groups)]) if cross else None
        if downsample:
            d = nn.Module()
            d.conv = nn.Conv2d(cout, cout, 3, stride=2, padding=1)
            self.downsamplers = nn.ModuleList([d])
        else:
            self.downsamplers = None

    def forward(self, x, temb, context, skips):
        for j, r in enumerate(self.resnets):
            x = r(x, temb)
            if self.attentions is not None:
                x = self.attentions[j](x, context)
            skips.append(x)
        if self.downsamplers is not None:
            x = self.downsamplers[0].conv(x)
            skips.append(x)
        return x


class Up(nn.Module):
    def __init__(self, prev_out, out, skip_in, temb, groups, eps, cross, context_dim, heads, upsample):
        super().__init__()
        layers = 2
        self.resnets = nn.ModuleList([
            Resnet((prev_out if j == 0 else out) + (skip_in if j == layers - 1 else out), out, temb, groups, eps)
            for j in range(layers)])
        self.attentions = nn.ModuleList([Transformer2D(out, context_dim, heads, groups) for _ in range(layers)]) \
            if cross else None
        if upsample:
            u = nn.Module()
            u.conv = nn.Conv2d(out, out, 3, padding=1)
            self.upsamplers = nn.ModuleList([u])
        else:
            self.upsamplers = None

    def forward(self, x, temb, context, skips):
        for j, r in enumerate(self.resnets):
            x = r(torch.cat([x, skips.pop()], dim=1), temb)
            if self.attentions is not None:
                x = self.attentions[j](x, context)
        if self.upsamplers is not None:
            size = skips[-1].shape[-2:] if skips else (x.shape[-2] * 2, x.shape[-1] * 2)
            x = self.upsamplers[0].conv(F.interpolate(x, size=tuple(size), mode="nearest"))
        return x


class Mid(nn.Module):
    def __init__(self, ch, temb, groups, eps, context_dim, heads):
        super().__init__()
        self.resnets = nn.ModuleList([Resnet(ch, ch, temb, groups, eps), Resnet(ch, ch, temb, groups, eps)])
        self.attentions = nn.ModuleList([Transformer2D(ch, context_dim, heads, groups)])

    def forward(self, x, temb, context):
        return self.resnets[1](self.attentions[0](self.resnets[0](x, temb), context), temb)


class TimeEmbedding(nn.Module):
    def __init__(self, cin, dim):
        super().__init__()
        self.linear_1 = nn.Linear(cin, dim)
        self.linear_2 = nn.Linear(dim, dim)

    def forward(self, x):
        return self.linear_2(F.silu(self.linear_1(x)))


def timestep_features(t, dim):
    """Sinusoidal features, cosines first (flip_sin_to_cos, freq_shift 0)."""
    half = dim // 2
    freqs = torch.exp(-math.log(10000.0) * torch.arange(half, dtype=torch.float32, device=t.device) / half)
    args = t.float().reshape(-1, 1) * freqs.reshape(1, -1)
    return torch.cat([torch.cos(args), torch.sin(args)], dim=1)


class UNet2DConditionModel(nn.Module):
    """The UNet of DefaultModelConfig.unetJson: levels of block_out_channels, cross-attention on every level but
    the last on the way down (and the first on the way up), one layer per block."""

    def __init__(self, channels, context_dim, heads=8, groups=32, eps=1e-5, latent=4):
        super().__init__()
        self.channels, self.context_dim, self.heads, self.groups, self.eps, self.latent = \
            list(channels), context_dim, heads, groups, eps, latent
        n = len(channels)
        temb = channels[0] * 4
        self.conv_in = nn.Conv2d(latent, channels[0], 3, padding=1)
        self.time_embedding = TimeEmbedding(channels[0], temb)
        downs, out = [], channels[0]
        for i in range(n):
            downs.append(Down(out, channels[i], temb, groups, eps, i < n - 1, context_dim, heads, i < n - 1))
            out = channels[i]
        self.down_blocks = nn.ModuleList(downs)
        self.mid_block = Mid(channels[-1], temb, groups, eps, context_dim, heads)
        ups = []
        for i in range(n):
            level = n - 1 - i
            prev_out = channels[n - 1 - max(0, i - 1)]
            skip_in = channels[n - 1 - min(i + 1, n - 1)]
            ups.append(Up(prev_out, channels[level], skip_in, temb, groups, eps, i > 0, context_dim, heads,
                          i < n - 1))
        self.up_blocks = nn.ModuleList(ups)
        self.conv_norm_out = nn.GroupNorm(groups, channels[0], eps=eps)
        self.conv_out = nn.Conv2d(channels[0], latent, 3, padding=1)

    def forward(self, sample, timesteps, context):
        t = timesteps.reshape(-1)
        if t.shape[0] == 1 and sample.shape[0] > 1:
            t = t.expand(sample.shape[0])
        temb = self.time_embedding(timestep_features(t, self.channels[0]).to(sample.dtype))
        x = self.conv_in(sample)
        skips = [x]
        for block in self.down_blocks:
            x = block(x, temb, context, skips)
        x = self.mid_block(x, temb, context)
        for block in self.up_blocks:
            x = block(x, temb, context, skips)
        return self.conv_out(F.silu(self.conv_norm_out(x)))

    def config(self, sample_size):
        n = len(self.channels)
        return {"_class_name": "UNet2DConditionModel", "_diffusers_version": "0.30.0", "act_fn": "silu",
                "attention_head_dim": self.heads, "block_out_channels": self.channels, "center_input_sample": False,
                "cross_attention_dim": self.context_dim,
                "down_block_types": ["CrossAttnDownBlock2D"] * (n - 1) + ["DownBlock2D"], "downsample_padding": 1,
                "flip_sin_to_cos": True, "freq_shift": 0, "in_channels": self.latent, "layers_per_block": 1,
                "mid_block_scale_factor": 1, "mid_block_type": "UNetMidBlock2DCrossAttn", "norm_eps": self.eps,
                "norm_num_groups": self.groups, "out_channels": self.latent, "sample_size": sample_size,
                "up_block_types": ["UpBlock2D"] + ["CrossAttnUpBlock2D"] * (n - 1), "use_linear_projection": False}


class ClipAttention(nn.Module):
    def __init__(self, dim, heads):
        super().__init__()
        self.heads = heads
        self.q_proj = nn.Linear(dim, dim)
        self.k_proj = nn.Linear(dim, dim)
        self.v_proj = nn.Linear(dim, dim)
        self.out_proj = nn.Linear(dim, dim)

    def forward(self, x):
        b, n, d = x.shape
        split = lambda t: t.reshape(b, n, self.heads, d // self.heads).transpose(1, 2)  # noqa: E731
        a = attend(split(self.q_proj(x)), split(self.k_proj(x)), split(self.v_proj(x)), causal=True)
        return self.out_proj(a.transpose(1, 2).reshape(b, n, d))


class ClipLayer(nn.Module):
    def __init__(self, dim, heads, inner, eps):
        super().__init__()
        self.layer_norm1 = nn.LayerNorm(dim, eps=eps)
        self.self_attn = ClipAttention(dim, heads)
        self.layer_norm2 = nn.LayerNorm(dim, eps=eps)
        self.mlp = nn.Module()
        self.mlp.fc1 = nn.Linear(dim, inner)
        self.mlp.fc2 = nn.Linear(inner, dim)

    def forward(self, x):
        x = self.self_attn(self.layer_norm1(x)) + x
        h = self.mlp.fc1(self.layer_norm2(x))
        return self.mlp.fc2(h * torch.sigmoid(1.702 * h)) + x  # quick_gelu


class ClipTextModel(nn.Module):
    """transformers' CLIPTextModel; parameters under text_model.*; forward returns the last hidden state."""

    def __init__(self, vocab, dim, layers, heads, inner, positions, eps=1e-5):
        super().__init__()
        self.vocab, self.dim, self.layers, self.heads, self.inner, self.positions, self.eps = \
            vocab, dim, layers, heads, inner, positions, eps
        tm = nn.Module()
        tm.embeddings = nn.Module()
        tm.embeddings.token_embedding = nn.Embedding(vocab, dim)
        tm.embeddings.position_embedding = nn.Embedding(positions, dim)
        tm.encoder = nn.Module()
        tm.encoder.layers = nn.ModuleList([ClipLayer(dim, heads, inner, eps) for _ in range(layers)])
        tm.final_layer_norm = nn.LayerNorm(dim, eps=eps)
        self.text_model = tm
        nn.init.normal_(tm.embeddings.token_embedding.weight, std=0.02)
        nn.init.normal_(tm.embeddings.position_embedding.weight, std=0.01)

    def forward(self, ids):
        tm = self.text_model
        x = tm.embeddings.token_embedding(ids) + tm.embeddings.position_embedding(
            torch.arange(ids.shape[1], device=ids.device))[None]
        for layer in tm.encoder.layers:
            x = layer(x)
        return tm.final_layer_norm(x)

    def config(self):
        return {"architectures": ["CLIPTextModel"], "attention_dropout": 0.0, "bos_token_id": self.vocab - 2,
                "dropout": 0.0, "eos_token_id": self.vocab - 1, "hidden_act": "quick_gelu", "hidden_size": self.dim,
                "initializer_factor": 1.0, "initializer_range": 0.02, "intermediate_size": self.inner,
                "layer_norm_eps": self.eps, "max_position_embeddings": self.positions,
                "model_type": "clip_text_model", "num_attention_heads": self.heads,
                "num_hidden_layers": self.layers, "pad_token_id": self.vocab - 1, "projection_dim": self.dim,
                "torch_dtype": "float32", "vocab_size": self.vocab}
