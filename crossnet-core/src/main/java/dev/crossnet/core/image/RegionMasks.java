package dev.crossnet.core.image;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.crossnet.api.region.Mask;
import dev.crossnet.api.region.Region;

/** Regions as masks: hard at pixel resolution, area-averaged (soft at the border) at the sample's resolution. */
public final class RegionMasks {

  private RegionMasks() {}

  /**
   * The region at the sample's resolution, [1, 1, h, w]. A region too small to cover any sample cell fully
   * still counts: every cell it touches is kept at weight &gt; 0, so a thin region is not lost.
   */
  public static NDArray latent(Region region, int width, int height, int latentHeight, int latentWidth,
      NDManager manager) {
    Mask mask = region.toMask(width, height);
    try (NDManager scope = manager.newSubManager()) {
      NDArray pixels = PictureTensors.toTensor(mask, scope);
      NDArray small = PictureTensors.resize(pixels, latentHeight, latentWidth);
      // any touched cell counts fully, so the merge never keeps stale bedrock inside the region
      NDArray hard = small.gt(0f).toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
      hard.attach(manager);
      return hard;
    }
  }

  /** The union (pointwise maximum) of masks at the sample's resolution, a new array in {@code manager}. */
  public static NDArray union(java.util.List<NDArray> masks, NDManager manager) {
    try (NDManager scope = manager.newSubManager()) {
      NDArray union = masks.get(0).duplicate();
      union.attach(scope);
      for (NDArray m : masks.subList(1, masks.size())) {
        union = union.maximum(m);
      }
      union.attach(manager);
      return union;
    }
  }

  /** The union (pointwise maximum) of hard pixel masks. */
  public static Mask union(java.util.List<Mask> masks) {
    Mask first = masks.get(0);
    float[] w = first.weights();
    for (Mask m : masks.subList(1, masks.size())) {
      float[] o = m.weights();
      for (int i = 0; i < w.length; i++) {
        w[i] = Math.max(w[i], o[i]);
      }
    }
    return Mask.of(first.width(), first.height(), w);
  }
}
