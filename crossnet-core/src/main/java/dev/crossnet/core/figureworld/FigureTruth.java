package dev.crossnet.core.figureworld;

import dev.crossnet.api.region.Box;
import dev.crossnet.api.region.Mask;
import dev.crossnet.api.region.Region;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The exact ground truth of one figure in a rendered scene.
 *
 * @param figure kind, appearance and pose
 * @param placement where it stands
 * @param mask its visible pixels (hard 0/1), after figures drawn in front of it
 * @param silhouette all its pixels as if nothing stood in front of it
 * @param keypoints joint positions in image pixels
 */
public record FigureTruth(Figure figure, Placement placement, Mask mask, Mask silhouette,
    Map<Joint, Region.Point> keypoints) {

  public FigureTruth {
    // An EnumMap keeps joints in declaration order, so iterating keypoints is the same in every run.
    EnumMap<Joint, Region.Point> copy = new EnumMap<>(Joint.class);
    copy.putAll(keypoints);
    keypoints = Collections.unmodifiableMap(copy);
  }

  /** The tight box around the visible pixels, empty when the figure is fully hidden. */
  public Optional<Box> box() {
    return mask.bounds();
  }

  /** The number of visible pixels. */
  public int visiblePixels() {
    return (int) Math.round(mask.coverage() * mask.width() * mask.height());
  }
}
