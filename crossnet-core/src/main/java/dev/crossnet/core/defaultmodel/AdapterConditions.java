package dev.crossnet.core.defaultmodel;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.api.region.Mask;
import dev.crossnet.api.region.Region;
import dev.crossnet.core.edit.RegionMasks;
import dev.crossnet.core.model.vae.AutoencoderKL;
import dev.crossnet.core.nn.GradMode;
import java.util.Arrays;

/**
 * What an inpainting UNet is shown beside the noisy latent while an image adapter trains through it, as an edit shows
 * it: for each {@link AdapterExamples} example its scene with the edit's region blanked (0, the middle of [-1, 1]),
 * encoded once by the model's autoencoder, and that region at the latent's resolution, mapped as an edit maps
 * regions. An example trained without a region (text to image with an image prompt) is shown the whole picture as
 * its region, as text to image on an inpainting UNet is.
 *
 * @param blanked one unscaled latent per example
 * @param regions one per example, [h x w] row by row
 * @param empty the unscaled latent of a wholly blanked picture
 */
public record AdapterConditions(LatentSet blanked, float[][] regions, float[] empty) {

  public AdapterConditions {
    if (blanked.count() != regions.length) {
      throw new IllegalArgumentException(blanked.count() + " blanked latents for " + regions.length + " regions");
    }
    empty = empty.clone();
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
   * file): the regions are mapped again and the wholly blanked picture encoded.
   */
  public static AdapterConditions of(LatentSet blanked, AdapterExamples examples, AutoencoderKL vae,
      NDManager manager) {
    float[] empty;
    try (NDManager scope = manager.newSubManager(); GradMode off = GradMode.disabled()) {
      int size = examples.size();
      empty = vae.encode(scope.zeros(new Shape(1, 3, size, size))).mean().toFloatArray();
    }
    return new AdapterConditions(blanked, regions(examples, (int) blanked.shape(1).get(2), manager), empty);
  }

  /** The examples' edit regions at the latent's resolution. */
  static float[][] regions(AdapterExamples examples, int latentSide, NDManager manager) {
    int size = examples.size();
    float[][] out = new float[examples.count()][];
    for (int i = 0; i < out.length; i++) {
      float[] w = examples.editRegion(i);
      boolean[] in = new boolean[w.length];
      for (int k = 0; k < w.length; k++) {
        in[k] = w[k] > 0.5f;
      }
      try (NDManager scope = manager.newSubManager()) {
        out[i] = RegionMasks.latent(Region.mask(Mask.of(size, size, in)), size, size, latentSide, latentSide, scope)
            .toFloatArray();
      }
    }
    return out;
  }

  /**
   * The inpainting UNet's input for a batch, [B, 2C + 1, h, w]: each example's noisy latent, its region, and its
   * blanked latent times {@code scale}; an example whose {@code wholePicture} is set gets the whole picture as its
   * region.
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
        Arrays.fill(out, base + per, base + per + cells, 1f);
        for (int k = 0; k < per; k++) {
          out[base + per + cells + k] = empty[k] * scale;
        }
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
    float[] keep = new float[indices.length * plane];
    for (int i = 0; i < indices.length; i++) {
      scenes[i] = examples.scene(indices[i]);
      float[] region = examples.editRegion(indices[i]);
      for (int k = 0; k < plane; k++) {
        keep[i * plane + k] = 1f - region[k];
      }
    }
    return images.pixels(scenes, scope).mul(scope.create(keep, new Shape(indices.length, 1, size, size)));
  }
}
