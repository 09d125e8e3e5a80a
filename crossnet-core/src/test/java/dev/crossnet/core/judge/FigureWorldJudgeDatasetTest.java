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

  @Test
  void editQuestionsReRenderAFigureAndLeaveOtherDatasetsAsTheyWere() {
    SceneOptions two = SceneOptions.defaults().withFigures(2, 2);
    FigureWorldJudgeDataset plain = new FigureWorldJudgeDataset(two, 4, 0.0);
    List<JudgeExample> before = plain.batch(5, 6);
    List<JudgeExample> none = plain.withEditQuestions(0).batch(5, 6);
    List<JudgeExample> edits = plain.withEditQuestions(1).batch(5, 6);

    assertThat(none).extracting(JudgeExample::picture).as("no edit questions, the same batches")
        .isEqualTo(before.stream().map(JudgeExample::picture).toList());
    assertThat(edits).extracting(JudgeExample::picture).as("deterministic")
        .isEqualTo(plain.withEditQuestions(1).batch(5, 6).stream().map(JudgeExample::picture).toList());
    assertThat(edits).allMatch(e -> e.labels()[0] >= 0 && e.focus().coverage() > 0 && e.focus().coverage() < 1);
    long redrawn = java.util.stream.IntStream.range(0, 6)
        .filter(i -> !edits.get(i).picture().equals(before.get(i).picture())).count();
    assertThat(redrawn).as("pictures with a figure re-rendered in another's look").isPositive();
  }

  @Test
  void editQuestionsNeedScenesOfEitherSplit() {
    FigureWorldJudgeDataset train = new FigureWorldJudgeDataset(
        SceneOptions.defaults().withSplit(dev.crossnet.core.figureworld.Split.TRAIN), 2, 0.2);
    assertThatThrownBy(() -> train.withEditQuestions(0.5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TRAIN split may hold out").hasMessageContaining("either split");
    assertThatThrownBy(() -> new FigureWorldJudgeDataset(SceneOptions.defaults(), 2, 0.2).withEditQuestions(-0.1))
        .hasMessageContaining("[0, 1], got -0.1");
  }
}
