package dev.crossnet.core.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossnet.core.figureworld.SceneOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

class FigureWorldJudgeDatasetTest {

  @Test
  void theSameStepGivesTheSameBatch() {
    List<JudgeExample> a = FigureWorldJudgeDataset.defaults(3).batch(17, 8);
    List<JudgeExample> b = FigureWorldJudgeDataset.defaults(3).batch(17, 8);

    for (int i = 0; i < a.size(); i++) {
      assertThat(b.get(i).picture()).isEqualTo(a.get(i).picture());
      assertThat(b.get(i).focus()).isEqualTo(a.get(i).focus());
      assertThat(b.get(i).labels()).isEqualTo(a.get(i).labels());
    }
  }

  @Test
  void anotherStepGivesOtherScenes() {
    FigureWorldJudgeDataset data = FigureWorldJudgeDataset.defaults(3);

    assertThat(data.batch(18, 8).get(0).picture()).isNotEqualTo(data.batch(17, 8).get(0).picture());
  }

  @Test
  void neverShowsAPurpleRobot() {
    List<JudgeHead> heads = FigureWorldJudge.heads();
    int robot = heads.get(0).indexOf("robot");
    int purple = heads.get(1).indexOf("purple");

    List<JudgeExample> batch = FigureWorldJudgeDataset.defaults(1).batch(0, 300);

    assertThat(batch).noneMatch(e -> e.labels()[0] == robot && e.labels()[1] == purple);
  }

  @Test
  void optionsWithoutASplitAlsoShowHeldOutFigures() {
    List<JudgeHead> heads = FigureWorldJudge.heads();
    int dog = heads.get(0).indexOf("dog");
    int lying = heads.get(4).indexOf("lying");

    List<JudgeExample> batch = new FigureWorldJudgeDataset(SceneOptions.defaults(), 1, 0.0).batch(0, 300);

    assertThat(batch).anyMatch(e -> e.labels()[0] == dog && e.labels()[4] == lying);
  }

  @Test
  void withoutWholePicturesEveryFocusIsAFigureBox() {
    FigureWorldJudgeDataset data = new FigureWorldJudgeDataset(SceneOptions.defaults(), 2, 0.0);

    assertThat(data.batch(0, 20)).allMatch(e -> e.focus().coverage() < 1.0 && e.labels()[0] >= 0);
  }

  @Test
  void aShareOutsideZeroToOneIsRefused() {
    assertThatThrownBy(() -> new FigureWorldJudgeDataset(SceneOptions.defaults(), 2, 1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[0, 1], got 1.5");
  }
}
