package dev.crossnet.core.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossnet.core.figureworld.Colour;
import dev.crossnet.core.figureworld.Figure;
import dev.crossnet.core.figureworld.FigureKind;
import dev.crossnet.core.figureworld.Pose;
import dev.crossnet.core.figureworld.RelationType;
import dev.crossnet.core.figureworld.Scene;
import dev.crossnet.core.figureworld.SceneGenerator;
import dev.crossnet.core.figureworld.SceneOptions;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FigureWorldJudgeTest {

  private static Map<String, JudgeHead> heads() {
    return FigureWorldJudge.heads().stream().collect(Collectors.toMap(JudgeHead::name, h -> h));
  }

  @Test
  void headsFollowFigureWorldsEnums() {
    Map<String, JudgeHead> h = heads();

    assertThat(h.get("kind").classes()).hasSize(FigureKind.values().length).contains("dog");
    assertThat(h.get("colour").classes()).hasSize(Colour.values().length).contains("purple");
    assertThat(h.get("pose").classes()).hasSize(Pose.values().length).contains("lying");
    assertThat(h.get("count").classes()).containsExactly("1", "2", "3", "4");
    assertThat(h.get("relation").classes()).hasSize(RelationType.values().length + 1)
        .startsWith("none").contains("holding hands with");
  }

  @Test
  void figureLabelsDescribeThatFigureAndTheScene() {
    Scene scene = sceneWithFigures(2);
    Figure second = scene.figures().get(1).figure();

    int[] labels = FigureWorldJudge.labels(scene, 1);

    List<JudgeHead> h = FigureWorldJudge.heads();
    assertThat(h.get(0).classes().get(labels[0])).isEqualTo(second.kind().noun());
    assertThat(h.get(1).classes().get(labels[1])).isEqualTo(second.appearance().colour().word());
    assertThat(h.get(4).classes().get(labels[4])).isEqualTo(second.pose().word());
    assertThat(h.get(5).classes().get(labels[5])).isEqualTo("2");
  }

  @Test
  void wholePictureOfSeveralFiguresLeavesTheFigureHeadsUnlabelled() {
    int[] labels = FigureWorldJudge.wholePictureLabels(sceneWithFigures(3));

    assertThat(labels).startsWith(-1, -1, -1, -1, -1);
    assertThat(labels[5]).isEqualTo(2);
    assertThat(labels[6]).isGreaterThanOrEqualTo(0);
  }

  @Test
  void wholePictureOfOneFigureLabelsThatFigure() {
    Scene scene = sceneWithFigures(1);

    assertThat(FigureWorldJudge.wholePictureLabels(scene)).isEqualTo(FigureWorldJudge.labels(scene, 0));
  }

  @Test
  void focusOnAFigureCoversItsVisiblePixels() {
    Scene scene = sceneWithFigures(2);

    var focus = FigureWorldJudge.focusOn(scene, 0);

    var mask = scene.figures().get(0).mask();
    for (int y = 0; y < scene.height(); y++) {
      for (int x = 0; x < scene.width(); x++) {
        if (mask.weight(x, y) > 0) {
          assertThat(focus.weight(x, y)).as("focus at %d,%d", x, y).isEqualTo(1f);
        }
      }
    }
    assertThat(focus.coverage()).isLessThan(1.0);
  }

  private static Scene sceneWithFigures(int n) {
    return new SceneGenerator(SceneOptions.defaults().withFigures(n, n)).generate(5);
  }
}
