package dev.crossnet.core.judge;

import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Mask;
import dev.crossnet.core.figureworld.Scene;
import dev.crossnet.core.figureworld.SceneGenerator;
import dev.crossnet.core.figureworld.SceneOptions;
import dev.crossnet.core.figureworld.Split;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Measures a FigureWorld judge the way it is meant to be used: every figure of a scene is asked about with
 * {@link FigureWorldJudge#focusOn} (figure heads), and the whole picture once (count and relation). Scores are
 * kept for all figures and, separately, for the figures that are themselves a held-out combination (purple
 * robots, lying dogs), the ones a judge trained on TRAIN scenes has never seen.
 *
 * @param split the split the scenes came from
 * @param scenes how many scenes were read
 * @param all per head, over every question
 * @param heldOutFigures per figure head, over held-out figures only (empty for TRAIN scenes)
 */
public record JudgeAccuracy(Split split, int scenes, Map<String, Tally> all, Map<String, Tally> heldOutFigures) {

  private static final int CHUNK = 64;

  /** Right answers out of questions asked. */
  public record Tally(int correct, int total) {

    public double accuracy() {
      return total == 0 ? Double.NaN : (double) correct / total;
    }

    Tally plus(boolean right) {
      return new Tally(correct + (right ? 1 : 0), total + 1);
    }
  }

  /** Reads {@code scenes} 64x64 scenes of the split, seeds {@code firstSeed} onwards. */
  public static JudgeAccuracy measure(Judge judge, Split split, int scenes, long firstSeed) {
    return measure(judge, split, scenes, firstSeed, UnaryOperator.identity());
  }

  /**
   * As {@link #measure(Judge, Split, int, long)}, but each render passes through {@code through} before the judge
   * reads it (e.g. an autoencoder's round trip, to see how much a decoder's blur costs each head).
   */
  public static JudgeAccuracy measure(Judge judge, Split split, int scenes, long firstSeed,
      UnaryOperator<Picture> through) {
    return measure(judge, SceneOptions.defaults(), split, scenes, firstSeed, through);
  }

  /** As {@link #measure(Judge, Split, int, long, UnaryOperator)}, on scenes of {@code world} (its split replaced). */
  public static JudgeAccuracy measure(Judge judge, SceneOptions world, Split split, int scenes, long firstSeed,
      UnaryOperator<Picture> through) {
    SceneGenerator generator = new SceneGenerator(world.withSplit(split));
    List<JudgeHead> heads = judge.heads();
    Map<String, Tally> all = new LinkedHashMap<>();
    Map<String, Tally> heldOut = new LinkedHashMap<>();
    heads.forEach(h -> all.put(h.name(), new Tally(0, 0)));
    List<Picture> pictures = new ArrayList<>();
    List<Mask> focus = new ArrayList<>();
    List<int[]> labels = new ArrayList<>();
    List<Boolean> heldOutFigure = new ArrayList<>();
    List<Boolean> whole = new ArrayList<>();
    for (int s = 0; s < scenes; s++) {
      Scene scene = generator.generate(firstSeed + s);
      Picture picture = through.apply(scene.picture());
      for (int f = 0; f < scene.figures().size(); f++) {
        pictures.add(picture);
        focus.add(FigureWorldJudge.focusOn(scene, f));
        labels.add(FigureWorldJudge.labels(scene, f));
        heldOutFigure.add(Split.heldOut(scene.figures().get(f).figure()));
        whole.add(false);
      }
      pictures.add(picture);
      focus.add(FocusMasks.whole(scene.width(), scene.height()));
      labels.add(FigureWorldJudge.wholePictureLabels(scene));
      heldOutFigure.add(false);
      whole.add(true);
    }
    List<String> figureHeads = FigureWorldJudge.figureHeads();
    for (int from = 0; from < pictures.size(); from += CHUNK) {
      int to = Math.min(pictures.size(), from + CHUNK);
      List<JudgeReading> readings = judge.readAll(pictures.subList(from, to), focus.subList(from, to));
      for (int i = from; i < to; i++) {
        JudgeReading r = readings.get(i - from);
        for (int h = 0; h < heads.size(); h++) {
          JudgeHead head = heads.get(h);
          boolean figureHead = figureHeads.contains(head.name());
          // Figure heads are scored on box questions, scene heads on the whole-picture question.
          if (figureHead == whole.get(i) || labels.get(i)[h] < 0) {
            continue;
          }
          boolean right = r.answer(head.name()).equals(head.classes().get(labels.get(i)[h]));
          all.put(head.name(), all.get(head.name()).plus(right));
          if (heldOutFigure.get(i)) {
            heldOut.put(head.name(), heldOut.getOrDefault(head.name(), new Tally(0, 0)).plus(right));
          }
        }
      }
    }
    return new JudgeAccuracy(split, scenes, all, heldOut);
  }
}
