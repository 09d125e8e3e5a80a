package dev.crossnet.core.defaultmodel;

import ai.djl.ndarray.NDManager;
import dev.crossnet.core.model.clip.ClipTextConfig;
import dev.crossnet.core.model.clip.ClipTextModel;
import dev.crossnet.core.model.unet.UNet2DConditionModel;
import dev.crossnet.core.model.unet.UNetConfig;
import dev.crossnet.core.nn.RandomParameters;

/**
 * The two networks the diffusion stage trains jointly: the UNet and the text encoder whose states it reads.
 *
 * @param unet the noise predictor
 * @param textEncoder the CLIP text transformer
 */
public record DiffusionNetworks(UNet2DConditionModel unet, ClipTextModel textEncoder) {

  /** Fresh networks with seeded random weights, in the manager. */
  public static DiffusionNetworks initialise(DefaultModelConfig config, int vocabularySize, long seed,
      NDManager manager) {
    UNetConfig u = config.unetConfig();
    ClipTextConfig t = config.textEncoderConfig(vocabularySize);
    try (NDManager scratch = manager.newSubManager()) {
      UNet2DConditionModel unet = UNet2DConditionModel.create(u,
          RandomParameters.store(s -> new UNet2DConditionModel(u, s), seed, scratch), manager);
      ClipTextModel text = ClipTextModel.create(t,
          RandomParameters.store(s -> new ClipTextModel(t, s), seed + 1, scratch), manager);
      return new DiffusionNetworks(unet, text);
    }
  }

  /** Parameter count of the UNet and of the text encoder. */
  public long[] parameterCounts() {
    return new long[] {count(unet.namedParameters()), count(textEncoder.namedParameters())};
  }

  private static long count(java.util.Map<String, ai.djl.ndarray.NDArray> p) {
    return p.values().stream().mapToLong(a -> a.getShape().size()).sum();
  }
}
