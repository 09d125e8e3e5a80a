package dev.crossnet.core.pipeline;

import ai.djl.ndarray.NDArray;
import dev.crossnet.api.branch.AttentionControl;
import dev.crossnet.core.model.unet.UNet2DConditionModel;
import dev.crossnet.core.nn.GradMode;
import java.util.List;

/** A {@link UNet2DConditionModel} in the noise-predictor role, run without gradient bookkeeping. */
public final class UnetPredictor implements NoisePredictor {

  private final UNet2DConditionModel unet;

  public UnetPredictor(UNet2DConditionModel unet) {
    this.unet = unet;
  }

  @Override
  public NDArray predict(NDArray sample, double timestep, NDArray textStates, List<AttentionControl> controls) {
    try (GradMode off = GradMode.disabled()) {
      NDArray t = sample.getManager().create(new float[] {(float) timestep});
      NDArray out = unet.forward(sample, t, textStates, ControlHook.of(controls));
      t.close();
      return out;
    }
  }

  @Override
  public int sizeMultiple() {
    return 1 << (unet.config().blockOutChannels().length - 1);
  }
}
