package dev.crossnet.core.pipeline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.crossnet.api.branch.AttentionControl;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Mask;
import dev.crossnet.core.image.PictureTensors;
import java.util.List;

/**
 * An inpainting UNet ({@link dev.crossnet.core.model.unet.InpaintingUnets}) in the noise-predictor role: every call
 * feeds it the noisy sample followed by the region's mask and the latent of the picture with the region blanked,
 * repeated over the batch (classifier-free guidance doubles it). Callers see a plain predictor.
 */
public final class InpaintingPredictor implements NoisePredictor {

  private final NoisePredictor unet;
  private final NDArray condition;

  /**
   * @param unet the inpainting UNet's predictor
   * @param mask [1, 1, h, w] the region at the sample's resolution, 1 inside
   * @param maskedLatent [1, C, h, w] the (scaled) latent of the picture with the region blanked
   *     ({@link #blank})
   */
  public InpaintingPredictor(NoisePredictor unet, NDArray mask, NDArray maskedLatent) {
    this(unet, condition(mask, maskedLatent));
  }

  /**
   * The condition an inpainting UNet reads beside its noisy sample, [1, 1 + C, h, w]: the mask, then the masked
   * latent, in the mask's manager.
   *
   * @param mask [1, 1, h, w] the region at the sample's resolution, 1 inside
   * @param maskedLatent [1, C, h, w] the latent of the picture with the region blanked ({@link #blankedLatent})
   */
  public static NDArray condition(NDArray mask, NDArray maskedLatent) {
    if (mask.getShape().get(0) != 1 || mask.getShape().get(1) != 1
        || !mask.getShape().slice(2).equals(maskedLatent.getShape().slice(2))) {
      throw new IllegalArgumentException("an inpainting condition needs a [1, 1, h, w] mask and a [1, C, h, w] "
          + "masked latent of the same h and w; got " + mask.getShape() + " and " + maskedLatent.getShape());
    }
    return mask.concat(maskedLatent, 1);
  }

  private InpaintingPredictor(NoisePredictor unet, NDArray condition) {
    this.unet = unet;
    this.condition = condition;
  }

  /**
   * The predictor under a ready condition, [1, 1 + C, h, w]: the mask, then the masked latent, as
   * {@link #wholePicture} makes it. The predictor reads the array, it does not copy it.
   */
  public static InpaintingPredictor of(NoisePredictor unet, NDArray condition) {
    if (condition.getShape().dimension() != 4 || condition.getShape().get(0) != 1) {
      throw new IllegalArgumentException("an inpainting condition is [1, 1 + C, h, w]; got " + condition.getShape());
    }
    return new InpaintingPredictor(unet, condition);
  }

  /**
   * The picture with every pixel of the hard mask blanked: set to 0, the middle of [-1, 1], as Stable Diffusion's
   * inpainting pipeline does before encoding it.
   *
   * @param pixels [B, 3, H, W] in [-1, 1]
   * @param mask [B or 1, 1, H, W]; a weight above 0.5 counts as inside
   */
  public static NDArray blank(NDArray pixels, NDArray mask) {
    try (NDManager scope = pixels.getManager().newSubManager()) {
      NDArray keep = mask.lte(0.5f).toType(pixels.getDataType(), false);
      keep.attach(scope);
      NDArray out = pixels.mul(keep);
      out.attach(pixels.getManager());
      return out;
    }
  }

  /**
   * The latent an inpainting UNet is shown of {@code picture} with {@code region} to redraw: the picture with every
   * pixel of the region blanked ({@link #blank}), encoded by the codec, [1, C, h, w] in the manager.
   */
  public static NDArray blankedLatent(LatentCodec codec, Picture picture, Mask region, NDManager manager) {
    try (NDManager scope = manager.newSubManager()) {
      NDArray latent = codec.encode(blank(PictureTensors.toTensor(picture, scope),
          PictureTensors.toTensor(region, scope)));
      latent.attach(manager);
      return latent;
    }
  }

  /**
   * The condition under which an inpainting UNet draws a whole picture, [1, 1 + C, h, w]: mask 1 everywhere and the
   * latent of the blank picture.
   */
  public static NDArray wholePicture(LatentCodec codec, long latentHeight, long latentWidth, NDManager manager) {
    try (NDManager scope = manager.newSubManager()) {
      int f = codec.downscale();
      NDArray masked = codec.encode(scope.zeros(new ai.djl.ndarray.types.Shape(1, 3, latentHeight * f,
          latentWidth * f)));
      masked.attach(scope);
      NDArray out = condition(scope.ones(new ai.djl.ndarray.types.Shape(1, 1, latentHeight, latentWidth)), masked);
      out.attach(manager);
      return out;
    }
  }

  @Override
  public NDArray predict(NDArray sample, double timestep, NDArray textStates, List<AttentionControl> controls) {
    long batch = sample.getShape().get(0);
    try (NDManager scope = sample.getManager().newSubManager()) {
      NDArray c = condition;
      if (batch > 1) {
        c = condition.repeat(0, batch);
        c.attach(scope);
      }
      NDArray input = sample.concat(c, 1);
      input.attach(scope);
      NDArray out = unet.predict(input, timestep, textStates, controls);
      out.attach(sample.getManager());
      return out;
    }
  }

  @Override
  public int sizeMultiple() {
    return unet.sizeMultiple();
  }
}
