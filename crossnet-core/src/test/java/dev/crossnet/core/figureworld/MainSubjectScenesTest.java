package dev.crossnet.core.figureworld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MainSubjectScenesTest {

  @Test
  void mainSubjectScenesAre128SquareWithOneToThreeFigures() {
    SceneOptions o = SceneOptions.mainSubject();
    assertThat(o.width()).isEqualTo(128);
    assertThat(o.height()).isEqualTo(128);
    assertThat(o.minFigures()).isEqualTo(1);
    assertThat(o.maxFigures()).isEqualTo(3);
    assertThat(o.figureScale()).isGreaterThan(1);
  }

  @Test
  void standingFiguresFillMostOfTheFrameAndStayInIt() {
    List<Double> heights = standingHeights(SceneOptions.mainSubject(), 40);
    assertThat(heights).isNotEmpty().allSatisfy(h -> assertThat(h).isGreaterThanOrEqualTo(0.4));
  }

  @Test
  void figuresAreDrawnLargerInProportionToTheScale() {
    double plain = median(standingHeights(SceneOptions.mainSubject().withFigureScale(1), 40));
    double large = median(standingHeights(SceneOptions.mainSubject(), 40));
    assertThat(large / plain).isBetween(1.5, 2.0);
  }

  @Test
  void theDefaultScenesAreUnchangedByTheOption() {
    Scene a = new SceneGenerator(SceneOptions.defaults()).generate(11);
    Scene b = new SceneGenerator(SceneOptions.defaults().withFigureScale(1)).generate(11);
    assertThat(a.caption()).isEqualTo(b.caption());
    assertThat(a.picture().rgbPixels()).isEqualTo(b.picture().rgbPixels());
  }

  @Test
  void aScaleOutsideItsRangeIsRefused() {
    assertThatThrownBy(() -> SceneOptions.defaults().withFigureScale(0))
        .hasMessageContaining("figureScale must lie in (0, 2], got 0.0");
  }

  /** Box heights, as a share of the frame, of every standing, fully visible humanoid in {@code count} scenes. */
  private static List<Double> standingHeights(SceneOptions options, int count) {
    SceneGenerator g = new SceneGenerator(options.withFigures(1, 1).withRelationChance(0));
    List<Double> heights = new ArrayList<>();
    for (int seed = 0; seed < count; seed++) {
      Scene s = g.generate(seed);
      Figure f = s.figures().get(0).figure();
      if (f.kind().fourLegged() || f.kind() == FigureKind.BIRD || f.pose() != Pose.STANDING) {
        continue;
      }
      s.figures().get(0).box().ifPresent(b -> heights.add((double) b.height() / s.height()));
    }
    return heights;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }
}
