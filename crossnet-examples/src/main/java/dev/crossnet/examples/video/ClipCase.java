package dev.crossnet.examples.video;

import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Mask;
import dev.crossnet.api.region.Region;
import dev.crossnet.api.subject.Subject;
import dev.crossnet.api.video.RegionTrack;
import dev.crossnet.api.video.Video;
import dev.crossnet.core.figureworld.FigureTruth;
import dev.crossnet.core.figureworld.IdealEdit;
import dev.crossnet.core.figureworld.Scene;
import dev.crossnet.core.figureworld.SceneGenerator;
import dev.crossnet.core.figureworld.SceneLayout;
import dev.crossnet.core.figureworld.SceneOptions;
import dev.crossnet.core.figureworld.Split;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One video edit taken from a held-out FigureWorld clip: in every frame figure 0 (which moves: it waves, walks,
 * jumps or flies) takes the look of figure 1. The subject is figure 1 as seen in the first frame; each frame's
 * region covers the occupant there and where the ideal figure is drawn; the ideal clip re-renders every frame with
 * only figure 0's description changed.
 *
 * @param frames the bedrock clip's scenes, in order
 * @param bedrock the bedrock clip
 * @param ideal the ideal edited clip
 * @param regions each frame's region
 * @param subject figure 1, masked, in the first frame
 * @param seed the seed of the held-out scene the clip animates
 */
public record ClipCase(List<Scene> frames, Video bedrock, Video ideal, List<Mask> regions, Subject subject,
    long seed) {

  /** The frame rate of FigureWorld clips. */
  public static final double FPS = 8;

  /** The fewest pixels of the donor the first frame must show. */
  private static final int MIN_DONOR_PIXELS = 40;

  /**
   * The first held-out clip of {@code frames} frames from {@code seed} on (seeds tried in turn) whose figure 0 moves
   * and stays partly visible in every frame and whose figure 1 shows in the first frame.
   *
   * @param options the world: {@link SceneOptions#defaults()} at the default model's size, or
   *     {@link SceneOptions#mainSubject()}
   */
  public static ClipCase find(SceneOptions options, int frames, long seed, String word) {
    SceneGenerator world = new SceneGenerator(options.withSplit(Split.HELD_OUT).withFigures(2, 3));
    for (long s = seed; s < seed + 10_000; s++) {
      Optional<ClipCase> c = of(world.generate(s).layout(), frames, options.width(), options.height(), word, s);
      if (c.isPresent()) {
        return c.get();
      }
    }
    throw new IllegalStateException("no usable held-out clip in 10000 seeds from " + seed + "; try another seed");
  }

  /** The case of this layout, or empty when figure 0 does not move or leaves the frame, or figure 1 hides. */
  static Optional<ClipCase> of(SceneLayout layout, int frames, int width, int height, String word, long seed) {
    if (layout.figures().size() < 2 || !layout.figures().get(0).figure().pose().moving()) {
      return Optional.empty();
    }
    List<Scene> scenes = new ArrayList<>();
    List<Picture> bedrock = new ArrayList<>();
    List<Picture> ideal = new ArrayList<>();
    List<Mask> regions = new ArrayList<>();
    for (int f = 0; f < frames; f++) {
      Scene scene = Scene.render(layout.atFrame(f, frames), width, height);
      IdealEdit edit = scene.idealEditLike(0, 1);
      double coverage = edit.region().coverage();
      if (coverage == 0 || coverage == 1) {
        return Optional.empty();
      }
      scenes.add(scene);
      bedrock.add(scene.picture());
      ideal.add(edit.edited().picture());
      regions.add(edit.region());
    }
    FigureTruth donor = scenes.get(0).figures().get(1);
    if (donor.visiblePixels() < MIN_DONOR_PIXELS) {
      return Optional.empty();
    }
    Subject subject = Subject.of(word, scenes.get(0).picture()).withMasks(donor.mask());
    return Optional.of(new ClipCase(List.copyOf(scenes), Video.of(bedrock, FPS), Video.of(ideal, FPS),
        List.copyOf(regions), subject, seed));
  }

  /** Each frame's region as a track. */
  public RegionTrack track() {
    return RegionTrack.perFrame(regions.stream().map(Region::mask).toList());
  }

  /** The clip's first caption, e.g. for a demonstration's console line. */
  public String caption() {
    return frames.get(0).caption();
  }

  /** The first {@code n} frames of this case. */
  public ClipCase first(int n) {
    return new ClipCase(frames.subList(0, n), bedrock.withFrames(bedrock.frames().subList(0, n)),
        ideal.withFrames(ideal.frames().subList(0, n)), regions.subList(0, n), subject, seed);
  }
}
