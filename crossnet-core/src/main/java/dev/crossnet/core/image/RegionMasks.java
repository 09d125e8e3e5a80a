package dev.crossnet.core.image;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.crossnet.api.region.Box;
import dev.crossnet.api.region.Mask;
import dev.crossnet.api.region.Region;
import java.util.ArrayList;
import java.util.List;

/** Regions as masks: hard at pixel resolution, area-averaged (soft at the border) at the sample's resolution. */
public final class RegionMasks {

  /** The narrowest column, in pixels, that {@link #columns} cuts. */
  public static final int MIN_COLUMN = 4;

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
  public static NDArray union(List<NDArray> masks, NDManager manager) {
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
  public static Mask union(List<Mask> masks) {
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

  /**
   * The region split into {@code count} columns of its bounding box, of equal width to a pixel, each the part of
   * the region inside it.
   *
   * @throws IllegalArgumentException when a column would be narrower than {@value #MIN_COLUMN} pixels or hold
   *     none of the region, naming the region's width and what to do
   */
  public static List<Mask> columns(Region region, int count, int width, int height) {
    Mask mask = region.toMask(width, height);
    Box box = mask.bounds().orElseThrow(() -> new IllegalArgumentException("region " + region
        + " covers no pixel of the " + width + "x" + height + " bedrock; give a region inside it"));
    if (box.width() < count * MIN_COLUMN) {
      throw new IllegalArgumentException("region " + region + " is " + box.width() + " pixels wide: " + count
          + " instances need at least " + count * MIN_COLUMN + " (" + MIN_COLUMN + " a column, and about one "
          + "instance's width to draw it well); widen the region or ask for fewer");
    }
    float[] weights = mask.weights();
    List<Mask> columns = new ArrayList<>();
    for (int c = 0; c < count; c++) {
      int from = box.x() + (int) ((long) c * box.width() / count);
      int to = box.x() + (int) ((long) (c + 1) * box.width() / count);
      float[] part = new float[weights.length];
      boolean any = false;
      for (int y = box.y(); y < box.y() + box.height(); y++) {
        for (int x = from; x < to; x++) {
          int i = y * width + x;
          part[i] = weights[i];
          any |= weights[i] > 0;
        }
      }
      if (!any) {
        throw new IllegalArgumentException("column " + (c + 1) + " of " + count + " of region " + region
            + " (x " + from + " to " + (to - 1) + ") holds none of the region; give a region without gaps across "
            + "its width, or ask for fewer instances");
      }
      columns.add(Mask.of(width, height, part));
    }
    return columns;
  }
}
