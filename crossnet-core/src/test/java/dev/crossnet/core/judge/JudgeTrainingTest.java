package dev.crossnet.core.judge;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.loss.LossProvider;
import dev.crossnet.api.plugin.PluginRegistry;
import dev.crossnet.api.progress.Cancellation;
import dev.crossnet.api.progress.ProgressListener;
import dev.crossnet.api.region.Mask;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JudgeTrainingTest {

  private static final List<JudgeHead> HEADS = List.of(
      new JudgeHead("colour", List.of("red", "green", "blue")),
      new JudgeHead("side", List.of("left", "right")));
  private static final int[][] RGB = {{220, 30, 30}, {30, 200, 40}, {40, 50, 220}};

  /** A grey picture with a coloured square on the left or right; the focus covers that half. */
  private static JudgeExample example(int colour, int side) {
    int w = 32;
    int h = 32;
    int[] argb = new int[w * h];
    boolean[] focus = new boolean[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        boolean inHalf = side == 0 ? x < w / 2 : x >= w / 2;
        boolean inSquare = inHalf && y >= 8 && y < 24 && Math.abs(x - (side == 0 ? 8 : 24)) < 6;
        int[] c = inSquare ? RGB[colour] : new int[] {128, 128, 128};
        argb[y * w + x] = c[0] << 16 | c[1] << 8 | c[2];
        focus[y * w + x] = inHalf;
      }
    }
    return new JudgeExample(Picture.ofRgb(w, h, argb), Mask.of(w, h, focus), new int[] {colour, side});
  }

  private static List<JudgeExample> batch(int step, int size) {
    SplittableRandom r = new SplittableRandom(step);
    List<JudgeExample> out = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      out.add(example(r.nextInt(3), r.nextInt(2)));
    }
    return out;
  }

  private static final PluginRegistry<LossProvider> LOSSES = PluginRegistry.discover(LossProvider.class, "loss", "");

  /** A judge of these heads trained for {@code steps} steps of 12 squares, from {@code start} if given. */
  private static Judge train(List<JudgeHead> heads, Optional<Judge> start, int steps, long seed, NDManager m) {
    return JudgeTraining.train(heads, start, JudgeTrainingTest::batch,
        new JudgeTraining.Settings(steps, 12, 2e-3, seed, Optional.empty(), 0), LOSSES, m, ProgressListener.NONE,
        TrainingListener.NONE, Cancellation.never());
  }

  @Test
  void learnsToReadColourAndPlaceOfTheFocusedSquare() {
    try (NDManager m = OfflineEngine.get().newBaseManager();
        Judge judge = JudgeTraining.train(HEADS, JudgeTrainingTest::batch,
            new JudgeTraining.Settings(60, 12, 2e-3, 1, Optional.empty(), 0), LOSSES, m,
            ProgressListener.NONE, TrainingListener.NONE, Cancellation.never())) {
      List<JudgeExample> test = batch(10_000, 12);
      List<JudgeReading> readings = judge.readAll(test.stream().map(JudgeExample::picture).toList(),
          test.stream().map(JudgeExample::focus).toList());
      for (int i = 0; i < test.size(); i++) {
        assertThat(readings.get(i).answer("colour")).isEqualTo(HEADS.get(0).classes().get(test.get(i).labels()[0]));
        assertThat(readings.get(i).answer("side")).isEqualTo(HEADS.get(1).classes().get(test.get(i).labels()[1]));
      }
    }
  }

  @Test
  void aFineTuningStartsFromTheGivenJudgesWeights() {
    try (NDManager m = OfflineEngine.get().newBaseManager();
        Judge trained = train(HEADS, Optional.empty(), 60, 1, m);
        Judge copy = train(HEADS, Optional.of(trained), 0, 99, m)) {
      List<JudgeExample> test = batch(20_000, 6);
      List<Picture> pictures = test.stream().map(JudgeExample::picture).toList();
      List<Mask> focus = test.stream().map(JudgeExample::focus).toList();
      List<JudgeReading> a = trained.readAll(pictures, focus);
      List<JudgeReading> b = copy.readAll(pictures, focus);
      for (int i = 0; i < test.size(); i++) {
        assertThat(b.get(i).probabilities("colour")).containsExactly(a.get(i).probabilities("colour"));
      }
    }
  }

  @Test
  void aStartJudgeWithOtherHeadsIsRefusedByName() {
    List<JudgeHead> other = List.of(new JudgeHead("colour", List.of("red", "green", "blue")));
    try (NDManager m = OfflineEngine.get().newBaseManager();
        Judge trained = train(other, Optional.empty(), 0, 1, m)) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> train(HEADS, Optional.of(trained), 0, 1, m))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("[colour]")
          .hasMessageContaining("[colour, side]");
    }
  }
}
