package dev.crossnet.examples.edit;

import ai.djl.ndarray.NDManager;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Mask;
import dev.crossnet.core.edit.ModelCache;
import dev.crossnet.core.image.PictureTensors;
import dev.crossnet.core.nn.GradMode;
import dev.crossnet.core.pipeline.VaeCodec;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The benchmark's VAE control: the ideal edit encoded and decoded by the model's VAE, with no denoising step, and
 * put back inside the region with the edit's feathered seam. What the judge reads on it is the ceiling the VAE
 * alone sets; the "ideal edit through the model" control adds one denoising step to it.
 */
public final class VaeRoundTrip implements AutoCloseable {

  private final ModelCache cache = new ModelCache();
  private final Optional<VaeCodec> codec;

  /** The VAE of {@code model} (the embedded default model when empty); none for a pixel-space model. */
  public VaeRoundTrip(Optional<Path> model) {
    this.codec = cache.get(model).vae().map(VaeCodec::new);
  }

  /** Whether the model has a VAE to measure. */
  public boolean available() {
    return codec.isPresent();
  }

  /**
   * {@code ideal} through the VAE inside {@code region}, feathered over {@code feather} pixels; the ideal's own
   * pixels beyond the seam.
   *
   * @throws IllegalStateException when the model has no VAE
   */
  public Picture apply(Picture ideal, Mask region, int feather) {
    return apply(ideal, PictureTensors.feather(region, feather));
  }

  /**
   * {@code ideal} through the VAE inside {@code region}, feathered over {@code feather} pixels inside it (the region
   * branch's default seam): every pixel outside the region is the ideal's own.
   */
  public Picture applyInside(Picture ideal, Mask region, int feather) {
    return apply(ideal, PictureTensors.featherInside(region, feather));
  }

  private Picture apply(Picture ideal, Mask seam) {
    VaeCodec vae = codec.orElseThrow(() -> new IllegalStateException("the model works in pixel space; it has no "
        + "VAE to put the ideal edit through"));
    try (NDManager scope = cache.newEditManager(); GradMode off = GradMode.disabled()) {
      Picture decoded = PictureTensors.toPicture(vae.decode(vae.encode(PictureTensors.toTensor(ideal, scope))));
      return PictureTensors.composite(ideal, decoded, seam);
    }
  }

  @Override
  public void close() {
    cache.close();
  }
}
