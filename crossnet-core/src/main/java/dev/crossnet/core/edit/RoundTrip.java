package dev.crossnet.core.edit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.crossnet.api.progress.Cancellation;
import dev.crossnet.api.progress.ProgressListener;
import dev.crossnet.api.sampler.NoiseSource;
import dev.crossnet.api.sampler.Sampler;
import dev.crossnet.api.sampler.SamplerPlan;
import dev.crossnet.core.pipeline.DenoisingLoop;
import dev.crossnet.core.pipeline.NoisePredictor;
import java.util.List;

/**
 * How well DDIM inversion reconstructs: invert the bedrock's latent to the edit's start level, run the edit's
 * sampler back through the one loop, and measure the mean squared latent error, once without guidance (the
 * path inversion assumed) and once with the edit's guidance (which inversion did not see, so the error
 * grows; null-text optimisation is the usual cure when it is too large).
 *
 * @param unguided mean squared error of the reconstruction at guidance 1
 * @param guided mean squared error at the edit's guidance scale
 */
public record RoundTrip(double unguided, double guided) {

  /**
   * Measures both errors.
   *
   * @param text [1, L, D] prompt states; {@code unconditional} [1, L, D] the states inversion reads
   */
  public static RoundTrip measure(NoisePredictor predictor, DdimInversion inversion, Sampler sampler,
      SamplerPlan plan, int start, NDArray latent, NDArray text, NDArray unconditional, double guidance) {
    int last = inversion.lastIndexFor(plan, start).orElseThrow(() -> new IllegalArgumentException(
        "the edit's plan " + plan + " does not share timesteps with DDIM inversion; use the ddim sampler"));
    try (NDManager scope = latent.getManager().newSubManager()) {
      NDArray x0 = latent.duplicate();
      x0.attach(scope);
      NDArray inverted = inversion.invert(x0, plan.size(), last, unconditional, Cancellation.never());
      DenoisingLoop loop = new DenoisingLoop(predictor);
      NDArray plain = loop.run(new DenoisingLoop.Settings(sampler, plan, start, unconditional, null, 1.0,
          List.of(), NoiseSource.seeded(0), ProgressListener.NONE, Cancellation.never()), inverted);
      NDArray steered = loop.run(new DenoisingLoop.Settings(sampler, plan, start, text, unconditional, guidance,
          List.of(), NoiseSource.seeded(0), ProgressListener.NONE, Cancellation.never()), inverted);
      return new RoundTrip(mse(plain, x0), mse(steered, x0));
    }
  }

  private static double mse(NDArray a, NDArray b) {
    return a.sub(b).square().mean().getFloat();
  }
}
