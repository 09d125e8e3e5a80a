package dev.crossnet.api.video;

import dev.crossnet.api.region.Box;
import dev.crossnet.api.region.Region;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where the occupant is in each frame of a video: one region for every frame, a region per frame (e.g. masks from
 * a tracker), or boxes at keyframes, interpolated linearly between them and held before the first and after the
 * last. Immutable.
 *
 * <pre>{@code
 * RegionTrack still = RegionTrack.box(40, 20, 64, 120);
 * RegionTrack moving = RegionTrack.keyframes(Map.of(0, Region.box(10, 20, 64, 120), 47, Region.box(90, 20, 64, 120)));
 * }</pre>
 */
public final class RegionTrack {

  private final Region constant;
  private final List<Region> perFrame;
  private final NavigableMap<Integer, Box> keyframes;

  private RegionTrack(Region constant, List<Region> perFrame, NavigableMap<Integer, Box> keyframes) {
    this.constant = constant;
    this.perFrame = perFrame;
    this.keyframes = keyframes;
  }

  /** The same region in every frame. */
  public static RegionTrack of(Region region) {
    return new RegionTrack(Objects.requireNonNull(region, "region"), null, null);
  }

  /** The same box in every frame: x, y, width and height in pixels. */
  public static RegionTrack box(int x, int y, int width, int height) {
    return of(Region.box(x, y, width, height));
  }

  /** One region per frame, in frame order: the list must have as many regions as the video has frames. */
  public static RegionTrack perFrame(List<? extends Region> regions) {
    Objects.requireNonNull(regions, "regions");
    if (regions.isEmpty()) {
      throw new IllegalArgumentException("a per-frame region track needs one region per frame, got none");
    }
    for (int i = 0; i < regions.size(); i++) {
      if (regions.get(i) == null) {
        throw new IllegalArgumentException("region of frame " + i + " is null; give every frame a region");
      }
    }
    return new RegionTrack(null, List.copyOf(regions), null);
  }

  /**
   * Boxes at keyframes (frame index to box), interpolated linearly in between (position and size, rounded to whole
   * pixels); frames before the first keyframe take its box, frames after the last take the last one.
   */
  public static RegionTrack keyframes(Map<Integer, Box> keyframes) {
    Objects.requireNonNull(keyframes, "keyframes");
    if (keyframes.isEmpty()) {
      throw new IllegalArgumentException("a keyframe track needs at least one keyframe (frame index to box)");
    }
    TreeMap<Integer, Box> sorted = new TreeMap<>();
    keyframes.forEach((frame, box) -> {
      if (frame == null || frame < 0) {
        throw new IllegalArgumentException("keyframe index " + frame + " is not a frame; use 0 or more");
      }
      sorted.put(frame, Objects.requireNonNull(box, "box of keyframe " + frame));
    });
    return new RegionTrack(null, null, java.util.Collections.unmodifiableNavigableMap(sorted));
  }

  /** The region of frame {@code frame} (0-based). */
  public Region at(int frame) {
    if (frame < 0) {
      throw new IndexOutOfBoundsException("frame " + frame + " asked for; frames count from 0");
    }
    if (constant != null) {
      return constant;
    }
    if (perFrame != null) {
      if (frame >= perFrame.size()) {
        throw new IndexOutOfBoundsException("frame " + frame + " asked for, but the track has regions for frames 0 to "
            + (perFrame.size() - 1));
      }
      return perFrame.get(frame);
    }
    Map.Entry<Integer, Box> before = keyframes.floorEntry(frame);
    Map.Entry<Integer, Box> after = keyframes.ceilingEntry(frame);
    if (before == null) {
      return after.getValue();
    }
    if (after == null || after.getKey().equals(before.getKey())) {
      return before.getValue();
    }
    double t = (frame - before.getKey()) / (double) (after.getKey() - before.getKey());
    Box a = before.getValue();
    Box b = after.getValue();
    return Region.box(lerp(a.x(), b.x(), t), lerp(a.y(), b.y(), t), lerp(a.width(), b.width(), t),
        lerp(a.height(), b.height(), t));
  }

  /**
   * Checks the track against a video: a per-frame track must have one region per frame, and every frame's region
   * must lie inside the frame and cover part of it, but not all of it.
   *
   * @throws IllegalArgumentException naming the frame and the problem
   */
  public void requireFits(int frames, int width, int height) {
    if (perFrame != null && perFrame.size() != frames) {
      throw new IllegalArgumentException("the region track has " + perFrame.size() + " regions but the video has "
          + frames + " frames; give one region per frame");
    }
    for (int f = 0; f < frames; f++) {
      try {
        at(f).requireWithin(width, height);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("region of frame " + f + ": " + e.getMessage(), e);
      }
      if (constant != null) {
        return;
      }
    }
  }

  private static int lerp(int a, int b, double t) {
    return (int) Math.round(a + (b - a) * t);
  }

  @Override
  public String toString() {
    if (constant != null) {
      return "RegionTrack[" + constant + " in every frame]";
    }
    return perFrame != null ? "RegionTrack[" + perFrame.size() + " per-frame regions]"
        : "RegionTrack[keyframes " + keyframes + "]";
  }
}
