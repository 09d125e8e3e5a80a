package dev.crossnet.core.defaultmodel;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.crossnet.core.model.clip.ClipTextConfig;
import dev.crossnet.core.model.clip.ClipTextModel;
import dev.crossnet.core.model.unet.UNet2DConditionModel;
import dev.crossnet.core.model.unet.UNetConfig;
import dev.crossnet.core.nn.RandomParameters;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

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

  /**
   * The UNet and text encoder of a model folder (a shipped default model, an export of this trainer or of
   * tools/gpu/train_unet.py), to train on. Their configs must be the ones this configuration writes.
   */
  public static DiffusionNetworks load(Path modelFolder, DefaultModelConfig config, int vocabularySize,
      NDManager manager) {
    UNet2DConditionModel unet = UNet2DConditionModel.load(modelFolder.resolve("unet"), manager);
    ClipTextModel text = ClipTextModel.load(modelFolder.resolve("text_encoder"), manager);
    DiffusionNetworks loaded = new DiffusionNetworks(unet, text);
    try (NDManager scratch = manager.newSubManager()) {
      DiffusionNetworks expected = initialise(config, vocabularySize, 0, scratch);
      if (!shapes(loaded.unet().namedParameters()).equals(shapes(expected.unet().namedParameters()))
          || !shapes(loaded.textEncoder().namedParameters()).equals(shapes(expected.textEncoder().namedParameters()))) {
        throw new IllegalArgumentException("the UNet or text encoder in " + modelFolder + " is not this model's "
            + "architecture (" + config.unetChannels() + " UNet channels, a vocabulary of " + vocabularySize
            + "); start from a folder of the same model or train from scratch");
      }
    }
    return loaded;
  }

  /** Parameter count of the UNet and of the text encoder. */
  public long[] parameterCounts() {
    return new long[] {count(unet.namedParameters()), count(textEncoder.namedParameters())};
  }

  private static Map<String, String> shapes(Map<String, NDArray> parameters) {
    Map<String, String> out = new LinkedHashMap<>();
    parameters.forEach((name, array) -> out.put(name, array.getShape().toString()));
    return out;
  }

  private static long count(java.util.Map<String, ai.djl.ndarray.NDArray> p) {
    return p.values().stream().mapToLong(a -> a.getShape().size()).sum();
  }
}
