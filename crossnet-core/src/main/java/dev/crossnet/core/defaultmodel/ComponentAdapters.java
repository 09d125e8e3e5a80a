package dev.crossnet.core.defaultmodel;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.core.model.clip.ClipTextModel;
import dev.crossnet.core.model.unet.UNet2DConditionModel;
import dev.crossnet.core.model.vae.AutoencoderKL;
import dev.crossnet.core.model.vae.LatentDistribution;
import dev.crossnet.core.pipeline.LatentCodec;
import dev.crossnet.core.pipeline.NoisePredictor;
import dev.crossnet.core.pipeline.PromptEncoder;
import dev.crossnet.core.text.PromptTokenizer;
import java.util.List;

/**
 * Plugs the default model's three networks into the pipeline's roles, for training previews and tests. These
 * adapters ignore attention control; whole-model loading with hooks belongs to the model package.
 */
public final class ComponentAdapters {

  private ComponentAdapters() {}

  /** The UNet as a noise predictor. */
  public static NoisePredictor predictor(UNet2DConditionModel unet) {
    return (sample, timestep, textStates, control) -> {
      NDArray t = sample.getManager().create(new float[] {(float) timestep});
      try {
        return unet.forward(sample, t, textStates);
      } finally {
        t.close();
      }
    };
  }

  /** Tokenizer and text encoder as a prompt encoder ([N, maxLength, hidden] states). */
  public static PromptEncoder prompts(PromptTokenizer tokenizer, ClipTextModel textEncoder) {
    return (List<String> prompts, NDManager manager) -> {
      int length = tokenizer.maxLength();
      long[] ids = new long[prompts.size() * length];
      for (int i = 0; i < prompts.size(); i++) {
        int[] row = tokenizer.encode(prompts.get(i));
        for (int k = 0; k < length; k++) {
          ids[i * length + k] = row[k];
        }
      }
      NDArray input = manager.create(ids, new Shape(prompts.size(), length));
      NDArray states = textEncoder.forward(input).lastHiddenState();
      input.close();
      return states;
    };
  }

  /** The autoencoder as a latent codec that applies its scaling factor. */
  public static LatentCodec codec(AutoencoderKL vae) {
    float scale = vae.scalingFactor();
    int downscale = 1 << (vae.config().blockOutChannels().length - 1);
    return new LatentCodec() {
      @Override
      public NDArray encode(NDArray pixels) {
        LatentDistribution d = vae.encode(pixels);
        NDArray out = d.mean().mul(scale);
        d.mean().close();
        d.logvar().close();
        return out;
      }

      @Override
      public NDArray decode(NDArray latent) {
        NDArray unscaled = latent.div(scale);
        NDArray out = vae.decode(unscaled);
        unscaled.close();
        return out;
      }

      @Override
      public int channels() {
        return vae.config().latentChannels();
      }

      @Override
      public int downscale() {
        return downscale;
      }
    };
  }
}
