package dev.crossnet.core.figureworld;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Everything a scene is, before it becomes pixels: background, props, figures, relations, and the animation
 * phase. Positions are shares of the image size, so one layout renders at any resolution.
 *
 * @param horizon where the background's ground begins, as a share of the height
 * @param phase the animation phase in [0, 1) for moving poses (waving, walking, jumping)
 */
public record SceneLayout(Background background, double horizon, List<SceneObject> objects,
    List<PlacedFigure> figures, List<Relation> relations, double phase) {

  /** A walking figure moves this share of the image width per clip frame. */
  public static final double STRIDE = 0.02;

  public SceneLayout {
    Objects.requireNonNull(background, "background");
    objects = List.copyOf(objects);
    figures = List.copyOf(figures);
    relations = List.copyOf(relations);
    for (Relation r : relations) {
      int targets = r.type() == RelationType.ON_TOP_OF ? objects.size() : figures.size();
      if (r.subject() >= figures.size() || r.target() >= targets) {
        throw new IllegalArgumentException("relation " + r + " points past the layout's " + figures.size()
            + " figures and " + objects.size() + " objects; fix the indices");
      }
    }
  }

  /**
   * The same layout with one figure's description replaced; its placement stays. Relations the new figure
   * cannot take part in (holding hands, for an animal) are dropped.
   */
  public SceneLayout withFigure(int index, Figure replacement) {
    if (index < 0 || index >= figures.size()) {
      throw new IndexOutOfBoundsException("figure " + index + " asked for, but the scene has figures 0 to "
          + (figures.size() - 1));
    }
    List<PlacedFigure> fs = new ArrayList<>(figures);
    fs.set(index, new PlacedFigure(replacement, figures.get(index).placement()));
    List<Relation> rs = relations.stream().filter(r -> r.type() != RelationType.HOLDING_HANDS
        || (fs.get(r.subject()).figure().kind().humanoid() && fs.get(r.target()).figure().kind().humanoid()))
        .toList();
    return new SceneLayout(background, horizon, objects, fs, rs, phase);
  }

  /** Frame {@code frame} of {@code frames}: the phase advances one cycle over the clip and walkers move on. */
  public SceneLayout atFrame(int frame, int frames) {
    if (frames <= 0 || frame < 0 || frame >= frames) {
      throw new IllegalArgumentException("frame " + frame + " of " + frames + " asked for; use 0 <= frame < frames");
    }
    List<PlacedFigure> fs = new ArrayList<>();
    for (PlacedFigure f : figures) {
      Placement p = f.placement();
      if (f.figure().pose() == Pose.WALKING) {
        p = p.shifted((p.facingRight() ? 1 : -1) * STRIDE * frame);
      }
      fs.add(new PlacedFigure(f.figure(), p));
    }
    return new SceneLayout(background, horizon, objects, fs, relations, (double) frame / frames);
  }

  /** Figure indices back to front: further up the image first; a figure on a prop counts from the prop's foot. */
  public List<Integer> drawOrder() {
    double[] depth = new double[figures.size()];
    for (int i = 0; i < depth.length; i++) {
      depth[i] = figures.get(i).placement().y();
    }
    for (Relation r : relations) {
      if (r.type() == RelationType.ON_TOP_OF) {
        depth[r.subject()] = objects.get(r.target()).y() + 1e-6;
      }
    }
    return IntStream.range(0, depth.length).boxed()
        .sorted(Comparator.<Integer>comparingDouble(i -> depth[i]).thenComparing(i -> i)).toList();
  }
}
