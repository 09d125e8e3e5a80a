package dev.crossnet.core.pipeline;

import ai.djl.ndarray.NDArray;
import dev.crossnet.api.branch.AttentionControl;
import java.util.List;

/** The denoising network's role in a pipeline (a UNet): one forward pass, nothing else. */
public interface NoisePredictor {

  /**
   * The model output (noise, v or x0, as the model was trained) for a batch of samples.
   *
   * @param sample [B, C, H, W], already scaled by the sampler
   * @param timestep the timestep of every item of the batch
   * @param textStates [B, L, D] text-encoder states, or null for a model without cross-attention
   * @param controls attention controls for this pass, applied in order (empty: none)
   * @return [B, C, H, W] in the manager of {@code sample}
   */
  NDArray predict(NDArray sample, double timestep, NDArray textStates, List<AttentionControl> controls);

  /** Sample sides must be a multiple of this (2 to the number of the network's downsamplings). */
  default int sizeMultiple() {
    return 1;
  }
}
