package dev.crossnet.core.judge;

import ai.djl.ndarray.NDManager;
import dev.crossnet.api.region.Mask;
import dev.crossnet.core.figureworld.Colour;
import dev.crossnet.core.figureworld.Figure;
import dev.crossnet.core.figureworld.FigureKind;
import dev.crossnet.core.figureworld.FigureTruth;
import dev.crossnet.core.figureworld.IdealEdit;
import dev.crossnet.core.figureworld.Pose;
import dev.crossnet.core.figureworld.RelationType;
import dev.crossnet.core.figureworld.Scene;
import dev.crossnet.core.figureworld.Size;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The judge's questions about FigureWorld, derived from FigureWorld's own enums, and the way a scene becomes
 * labels and a focus. Figure heads (kind, colour, hat, size, pose) are about the figure in the focus; scene
 * heads (count, relation) are about the whole picture.
 *
 * <pre>{@code
 * try (Judge judge = FigureWorldJudge.bundled(manager)) {
 *   JudgeReading r = judge.read(scene.picture(), FigureWorldJudge.focusOn(scene, 0));
 *   String kind = r.answer(FigureWorldJudge.KIND);
 * }
 * }</pre>
 */
public final class FigureWorldJudge {

  public static final String KIND = "kind";
  public static final String COLOUR = "colour";
  public static final String HAT = "hat";
  public static final String SIZE = "size";
  public static final String POSE = "pose";
  public static final String COUNT = "count";
  public static final String RELATION = "relation";
  /** The relation answer of a picture without a relation. */
  public static final String NO_RELATION = "none";
  /** The classpath folder of the trained judge shipped with CrossNet. */
  public static final String BUNDLED_RESOURCE = "/dev/crossnet/core/judge/figureworld";
  /** The most figures a FigureWorld scene has, and so the count head's last class. */
  public static final int MAX_FIGURES = 4;

  private static final List<JudgeHead> HEADS = List.of(
      new JudgeHead(KIND, words(FigureKind.values(), FigureKind::noun)),
      new JudgeHead(COLOUR, words(Colour.values(), Colour::word)),
      new JudgeHead(HAT, List.of("no", "yes")),
      new JudgeHead(SIZE, words(Size.values(), Size::word)),
      new JudgeHead(POSE, words(Pose.values(), Pose::word)),
      new JudgeHead(COUNT, Stream.iterate(1, n -> n + 1).limit(MAX_FIGURES).map(String::valueOf).toList()),
      new JudgeHead(RELATION, relations()));
  /** How many leading heads are about the focused figure; the rest are about the whole picture. */
  private static final int FIGURE_HEADS = 5;

  private FigureWorldJudge() {}

  /** Kind, colour, hat, size, pose, count (1 to 4) and relation ("none" or a relation's caption words). */
  public static List<JudgeHead> heads() {
    return HEADS;
  }

  /** The names of the heads about the focused figure (kind, colour, hat, size, pose). */
  public static List<String> figureHeads() {
    return HEADS.subList(0, FIGURE_HEADS).stream().map(JudgeHead::name).toList();
  }

  /** The judge trained on FigureWorld TRAIN renders that ships in crossnet-core's resources. */
  public static Judge bundled(NDManager manager) {
    return JudgeFolder.loadResource(BUNDLED_RESOURCE, FigureWorldJudge.class, manager);
  }

  /**
   * The judge a command line names: {@code "bundled"} for {@link #bundled(NDManager)}, else a judge folder
   * ({@link Judge#load(java.nio.file.Path, NDManager)}).
   */
  public static Judge named(String bundledOrFolder, NDManager manager) {
    return bundledOrFolder.equals("bundled") ? bundled(manager)
        : Judge.load(java.nio.file.Path.of(bundledOrFolder), manager);
  }

  /** The focus the judge was trained with for figure {@code index}: its box grown by the edit margin. */
  public static Mask focusOn(Scene scene, int index) {
    FigureTruth f = scene.figures().get(index);
    return FocusMasks.around(f.mask(), IdealEdit.margin(scene.width(), scene.height()));
  }

  /** Every head's answer for a question about figure {@code index} of the scene. */
  public static int[] labels(Scene scene, int index) {
    int[] labels = sceneLabels(scene);
    Figure f = scene.figures().get(index).figure();
    labels[0] = f.kind().ordinal();
    labels[1] = f.appearance().colour().ordinal();
    labels[2] = f.appearance().hat() ? 1 : 0;
    labels[3] = f.appearance().size().ordinal();
    labels[4] = f.pose().ordinal();
    return labels;
  }

  /**
   * The answers for a whole-picture question: count and relation always; the figure heads only when the
   * scene has one figure (otherwise "the figure" is ambiguous and they stay -1, unlabelled).
   */
  public static int[] wholePictureLabels(Scene scene) {
    return scene.figures().size() == 1 ? labels(scene, 0) : sceneLabels(scene);
  }

  private static int[] sceneLabels(Scene scene) {
    int[] labels = new int[HEADS.size()];
    Arrays.fill(labels, -1);
    int count = scene.figures().size();
    if (count < 1 || count > MAX_FIGURES) {
      throw new IllegalArgumentException("the FigureWorld judge counts 1 to " + MAX_FIGURES + " figures, but "
          + scene + " has " + count);
    }
    labels[FIGURE_HEADS] = count - 1;
    labels[FIGURE_HEADS + 1] = scene.relations().isEmpty() ? 0 : 1 + scene.relations().get(0).type().ordinal();
    return labels;
  }

  private static List<String> relations() {
    List<String> out = new ArrayList<>();
    out.add(NO_RELATION);
    out.addAll(words(RelationType.values(), RelationType::words));
    return out;
  }

  private static <E> List<String> words(E[] values, Function<E, String> word) {
    return Arrays.stream(values).map(word).toList();
  }
}
