package dev.crossnet.core.figureworld;

import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Mask;
import java.util.List;
import java.util.Objects;

/**
 * One rendered FigureWorld scene and its exact truth: the picture, the caption, and per figure its masks,
 * box, keypoints and description. Scenes come from {@link SceneGenerator} or {@link #render}.
 *
 * <pre>{@code
 * Scene s = new SceneGenerator(SceneOptions.defaults()).generate(42);
 * Picture image = s.picture();
 * String caption = s.caption();
 * Mask first = s.figures().get(0).mask();
 * IdealEdit edit = s.idealEdit(0, FigureKind.ROBOT, new Appearance(Colour.BLUE, false, Size.LARGE));
 * }</pre>
 */
public final class Scene {

  private final SceneLayout layout;
  private final Picture picture;
  private final String caption;
  private final List<FigureTruth> figures;

  Scene(SceneLayout layout, Picture picture, String caption, List<FigureTruth> figures) {
    this.layout = Objects.requireNonNull(layout, "layout");
    this.picture = Objects.requireNonNull(picture, "picture");
    this.caption = Objects.requireNonNull(caption, "caption");
    this.figures = List.copyOf(figures);
  }

  /** Renders a layout at any size (64x64 is the default model's resolution). */
  public static Scene render(SceneLayout layout, int width, int height) {
    return SceneRenderer.render(layout, width, height);
  }

  public SceneLayout layout() {
    return layout;
  }

  public Picture picture() {
    return picture;
  }

  public String caption() {
    return caption;
  }

  /** Truth per figure, in the layout's figure order (not draw order). */
  public List<FigureTruth> figures() {
    return figures;
  }

  public List<Relation> relations() {
    return layout.relations();
  }

  public Split split() {
    return Split.of(layout);
  }

  public int width() {
    return picture.width();
  }

  public int height() {
    return picture.height();
  }

  /** This scene at another resolution (same layout, so the same scene). */
  public Scene resized(int width, int height) {
    return render(layout, width, height);
  }

  /**
   * The ideal result of replacing figure {@code index} by another kind and appearance in the same place and
   * pose (or that kind's closest pose): the scene re-rendered with only that figure's description changed.
   */
  public IdealEdit idealEdit(int index, FigureKind kind, Appearance appearance) {
    return idealEdit(index, figure(index).figure().swap(kind, appearance));
  }

  /**
   * The ideal result of giving figure {@code index} the kind and appearance of figure {@code donor} of this
   * scene, keeping its own place and pose (or the donor kind's closest pose).
   */
  public IdealEdit idealEditLike(int index, int donor) {
    Figure d = figure(donor).figure();
    return idealEdit(index, d.kind(), d.appearance());
  }

  /** The ideal result of replacing figure {@code index} by an arbitrary figure description at its placement. */
  public IdealEdit idealEdit(int index, Figure replacement) {
    Scene edited = withFigure(index, replacement);
    Mask region = IdealEdit.region(figure(index).mask(), edited.figures().get(index).mask(),
        IdealEdit.margin(width(), height()));
    return new IdealEdit(this, edited, index, region);
  }

  /** This scene re-rendered with figure {@code index} described by {@code replacement}, at its own placement. */
  public Scene withFigure(int index, Figure replacement) {
    figure(index);
    return render(layout.withFigure(index, replacement), width(), height());
  }

  private FigureTruth figure(int index) {
    if (index < 0 || index >= figures.size()) {
      throw new IndexOutOfBoundsException("figure " + index + " asked for, but the scene has figures 0 to "
          + (figures.size() - 1));
    }
    return figures.get(index);
  }

  @Override
  public String toString() {
    return "Scene[" + width() + "x" + height() + ", \"" + caption + "\"]";
  }
}
