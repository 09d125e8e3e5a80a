package dev.crossnet.core.model.unet;

import ai.djl.ndarray.NDArray;
import java.util.Objects;

/**
 * What one UNet forward pass needs for IP-Adapter's image prompt: the adapter, the projected image tokens and
 * the weight of the image part in every cross-attention. The tokens are passed beside the text rather than
 * appended to it (diffusers appends them to {@code encoder_hidden_states} and splits them off again in each
 * layer); the arithmetic is the same.
 *
 * <pre>{@code
 * IpAdapter adapter = IpAdapter.load(Path.of("ip-adapter_sd15.safetensors"), unet, manager);
 * NDArray tokens = adapter.project(imageEmbeds);              // once per generation
 * NDArray eps = unet.forward(latents, t, text, AttentionHook.NONE, new ImagePrompt(adapter, tokens, 0.7f));
 * }</pre>
 *
 * @param adapter the adapter loaded for this UNet
 * @param tokens image-prompt tokens [B or 1, tokens, adapter.tokenDim()], usually {@link IpAdapter#project}'s
 * @param scale weight of the image part (0 gives the text-only output; IP-Adapter's default is 1)
 */
public record ImagePrompt(IpAdapter adapter, NDArray tokens, float scale) {

  public ImagePrompt {
    Objects.requireNonNull(adapter, "adapter");
    Objects.requireNonNull(tokens, "tokens");
    if (!Float.isFinite(scale)) {
      throw new IllegalArgumentException("image prompt scale must be a finite number, got " + scale);
    }
    if (tokens.getShape().dimension() != 3 || tokens.getShape().get(1) < 1
        || tokens.getShape().get(2) != adapter.tokenDim()) {
      throw new IllegalArgumentException("image prompt tokens must be [batch, tokens, " + adapter.tokenDim()
          + "], got " + tokens.getShape() + "; project image embeddings with IpAdapter.project");
    }
  }
}
