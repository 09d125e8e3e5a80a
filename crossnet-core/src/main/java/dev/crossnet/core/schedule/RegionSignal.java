package dev.crossnet.core.schedule;

import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Mask;

/**
 * One thing a picture shows in a region, read the same way from a source and from another picture of its size:
 * 1 when the other shows it as the source does, near 0 (or below) when it shows something unrelated.
 */
public interface RegionSignal {

  /** The agreement of {@code other} with {@code source} inside {@code region}, at most 1. */
  double agreement(Picture source, Picture other, Mask region);
}
