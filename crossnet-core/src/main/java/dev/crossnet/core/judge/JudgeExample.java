package dev.crossnet.core.judge;

import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Mask;

/**
 * One labelled training or evaluation item: a picture, the region the figure questions are about, and the
 * right answer of each head (-1 where a head has no answer for this item, e.g. "relation" in a one-figure
 * scene is "none", but "pose" of a whole-picture focus over several figures is unknown).
 *
 * @param picture the picture (any size; the judge resizes to 64x64)
 * @param focus the region asked about, at the picture's size
 * @param labels one class index per head, in the judge's head order
 */
public record JudgeExample(Picture picture, Mask focus, int[] labels) {

  public JudgeExample {
    labels = labels.clone();
    if (focus.width() != picture.width() || focus.height() != picture.height()) {
      throw new IllegalArgumentException("focus mask " + focus.width() + "x" + focus.height()
          + " does not match the picture " + picture.width() + "x" + picture.height());
    }
  }

  @Override
  public int[] labels() {
    return labels.clone();
  }
}
