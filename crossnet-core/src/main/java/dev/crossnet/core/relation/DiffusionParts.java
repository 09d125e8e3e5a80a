package dev.crossnet.core.relation;

import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.core.model.DiffusionModel;
import dev.crossnet.core.model.clip.ClipTextModel;
import dev.crossnet.core.model.unet.InpaintingUnets;
import dev.crossnet.core.model.unet.UNet2DConditionModel;
import dev.crossnet.core.pipeline.LatentCodec;
import dev.crossnet.core.pipeline.VaeCodec;
import dev.crossnet.core.text.PromptTokenizer;
import java.util.Objects;

/**
 * The parts of a model that inversion and steering use; {@link #of(DiffusionModel)} takes them from a loaded model,
 * tests assemble tiny ones directly. Inversion works with a text-to-image or an inpainting UNet; what draws whole
 * pictures through the UNet alone (count steering, drawing with learned tokens) asks {@link #requireTextToImage}.
 *
 * @param schedulerConfig the model's {@code scheduler_config.json} (training noise schedule, sampler)
 */
public record DiffusionParts(PromptTokenizer tokenizer, ClipTextModel textEncoder, UNet2DConditionModel unet,
    LatentCodec codec, PluginConfig schedulerConfig) {

  public DiffusionParts {
    Objects.requireNonNull(tokenizer, "tokenizer");
    Objects.requireNonNull(textEncoder, "textEncoder");
    Objects.requireNonNull(unet, "unet");
    Objects.requireNonNull(codec, "codec");
    Objects.requireNonNull(schedulerConfig, "schedulerConfig");
  }

  /** True when the UNet is an inpainting UNet, which also takes a mask and a masked picture's latent. */
  public boolean inpainting() {
    return InpaintingUnets.isInpainting(unet.config());
  }

  /**
   * Refuses an inpainting UNet for work that draws whole pictures through the UNet alone.
   *
   * @param work what needs a text-to-image UNet, e.g. "count steering"
   */
  public void requireTextToImage(String work) {
    if (inpainting()) {
      throw new IllegalArgumentException(work + " draws whole pictures with a text-to-image UNet; this model's UNet "
          + "is an inpainting UNet (in_channels " + unet.config().inChannels() + "): use the text-to-image model it "
          + "was made from (for the built-in models: figureworld-v2)");
    }
  }

  /** The parts of a loaded model (its VAE, or pixels for a pixel-space model). */
  public static DiffusionParts of(DiffusionModel model) {
    return new DiffusionParts(model.tokenizer(), model.textEncoder(), model.unet(),
        model.vae().<LatentCodec>map(VaeCodec::new).orElseGet(LatentCodec::pixels), model.schedulerConfig());
  }

  /** The id of a placeholder token, added to the tokenizer when it is new. */
  public int placeholderId(String placeholder) {
    synchronized (tokenizer) {
      return tokenizer.tokenId(placeholder).orElseGet(() -> tokenizer.addPlaceholder(placeholder));
    }
  }
}
