package dev.crossnet.core.defaultmodel;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.api.region.Mask;
import dev.crossnet.api.region.Region;
import dev.crossnet.core.image.RegionMasks;
import dev.crossnet.core.model.vae.AutoencoderKL;
import dev.crossnet.core.pipeline.InpaintingPredictor;
import dev.crossnet.core.pipeline.VaeCodec;

/**
 * What an inpainting UNet is shown beside the noisy latent while an image adapter trains through it, as an edit shows
 * it: for each {@link AdapterExamples} example its scene with the edit's region blanked
 * ({@link InpaintingPredictor#blank}), encoded once by the model's autoencoder, and that region at the latent's
 * resolution, mapped as an edit maps regions. An example trained without a region (text to image with an image
 * prompt) is shown {@link InpaintingPredictor#wholePicture}, as text to image on an inpainting UNet is.
 *
 * @param blanked one unscaled latent per example
 * @param regions one per example, [h x w] row by row
 * @param wholePicture the condition under which the UNet draws a whole picture, flat [1 + C, h, w] (scaled)
 */
public record AdapterConditions(LatentSet blanked, float[][] regions, float[] wholePicture) {

  public AdapterConditions {
    if (blanked.count() != regions.length) {
      throw new IllegalArgumentException(blanked.count() + " blanked latents for " + regions.length + " regions");
    }
    wholePicture = wholePicture.clone();
  }

  /** Encodes the examples' blanked scenes ({@code images} holds the examples' scenes) and maps their regions. */
  public static AdapterConditions encode(AutoencoderKL vae, AdapterExamples examples, FigureWorldImages images,
      int batch, NDManager manager) {
    if (images.size() != examples.size()) {
      throw new IllegalArgumentException("the scenes are " + images.size() + " pixels wide, the examples "
          + examples.size());
    }
    LatentSet blanked = LatentSet.encode(vae, examples.count(),
        (indices, scope) -> blankedPixels(examples, images, indices, scope), batch, manager);
    return of(blanked, examples, vae, manager);
  }

  /**
   * The conditions of the examples' blanked latents as {@link #encode} made them (for latents read back from a
   * file): the regions are mapped again and the whole-picture condition encoded.
   */
  public static AdapterConditions of(LatentSet blanked, AdapterExamples examples, AutoencoderKL vae,
      NDManager manager) {
    int side = (int) blanked.shape(1).get(2);
    int size = examples.size();
    float[][] regions = new float[examples.count()][];
    float[] whole;
    try (NDManager scope = manager.newSubManager()) {
      for (int i = 0; i < regions.length; i++) {
        regions[i] = RegionMasks.latent(Region.mask(examples.editRegion(i)), size, size, side, side, scope)
            .toFloatArray();
      }
      whole = InpaintingPredictor.wholePicture(new VaeCodec(vae), side, side, scope).toFloatArray();
    }
    return new AdapterConditions(blanked, regions, whole);
  }

  /**
   * The inpainting UNet's input for a batch, [B, 2C + 1, h, w]: each example's noisy latent, its region, and its
   * blanked latent times {@code scale}; an example whose {@code wholePicture} is set gets the whole-picture
   * condition instead.
   *
   * @param noisy the batch's noisy latents, flat [B, C, h, w]
   */
  public NDArray input(float[] noisy, int[] examples, boolean[] wholePicture, float scale, Shape latentShape,
      NDManager manager) {
    int b = examples.length;
    int channels = (int) latentShape.get(1);
    int cells = (int) (latentShape.get(2) * latentShape.get(3));
    int per = channels * cells;
    float[] blank = blanked.scaled(examples, scale);
    float[] out = new float[b * (2 * per + cells)];
    for (int i = 0; i < b; i++) {
      int base = i * (2 * per + cells);
      System.arraycopy(noisy, i * per, out, base, per);
      if (wholePicture[i]) {
        System.arraycopy(this.wholePicture, 0, out, base + per, cells + per);
      } else {
        System.arraycopy(regions[examples[i]], 0, out, base + per, cells);
        System.arraycopy(blank, i * per, out, base + per + cells, per);
      }
    }
    return manager.create(out, new Shape(b, 2L * channels + 1, latentShape.get(2), latentShape.get(3)));
  }

  private static NDArray blankedPixels(AdapterExamples examples, FigureWorldImages images, int[] indices,
      NDManager scope) {
    int size = examples.size();
    int plane = size * size;
    int[] scenes = new int[indices.length];
    float[] masks = new float[indices.length * plane];
    for (int i = 0; i < indices.length; i++) {
      scenes[i] = examples.scene(indices[i]);
      System.arraycopy(examples.editRegion(indices[i]).weights(), 0, masks, i * plane, plane);
    }
    return InpaintingPredictor.blank(images.pixels(scenes, scope),
        scope.create(masks, new Shape(indices.length, 1, size, size)));
  }
}
