package dev.crossnet.examples.edit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import dev.crossnet.api.region.Mask;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.figureworld.Figure;
import dev.crossnet.core.figureworld.SceneGenerator;
import dev.crossnet.core.figureworld.SceneOptions;
import dev.crossnet.core.figureworld.Split;
import dev.crossnet.core.judge.FigureWorldJudge;
import dev.crossnet.core.judge.Judge;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SwapCaseTest {

  private static final SceneGenerator WORLD = new SceneGenerator(SceneOptions.defaults().withSize(64, 64)
      .withSplit(Split.HELD_OUT).withFigures(2, 2));

  /** The first case whose figures are of different kinds, so the swap shows. */
  private static SwapCase firstCase() {
    return LongStream.range(1, 100).mapToObj(s -> SwapCase.of(WORLD.generate(s))).flatMap(Optional::stream)
        .filter(c -> c.scene().figures().get(0).figure().kind() != c.scene().figures().get(1).figure().kind())
        .findFirst().orElseThrow();
  }

  @Test
  void theIdealSwapsBothLooksAndKeepsEachPlace() {
    SwapCase c = firstCase();
    Figure a = c.scene().figures().get(0).figure();
    Figure b = c.scene().figures().get(1).figure();
    Figure a2 = c.ideal().figures().get(0).figure();
    Figure b2 = c.ideal().figures().get(1).figure();
    assertThat(a2.kind()).isEqualTo(b.kind());
    assertThat(a2.appearance()).isEqualTo(b.appearance());
    assertThat(b2.appearance()).isEqualTo(a.appearance());
    assertThat(b2.kind()).isEqualTo(a.kind());
    assertThat(a2.pose()).isEqualTo(b.kind().closest(a.pose()));
    assertThat(c.subjects()).extracting(s -> s.word()).containsExactly(SwapCase.FIRST, SwapCase.SECOND);
  }

  @Test
  void eachRegionHoldsItsOldAndNewFigureAndTheCaseKnowsWhetherTheRegionsOverlap() {
    SwapCase c = firstCase();
    boolean shared = false;
    for (int k = 0; k < 2; k++) {
      Mask region = c.regions().get(k);
      Mask old = c.scene().figures().get(k).mask();
      Mask drawn = c.ideal().figures().get(k).mask();
      Mask other = c.regions().get(1 - k);
      for (int i = 0; i < region.weights().length; i++) {
        if (old.weights()[i] > 0 || drawn.weights()[i] > 0) {
          assertThat(region.weights()[i]).as("pixel %d of figure %d", i, k).isPositive();
        }
        shared |= region.weights()[i] > 0 && other.weights()[i] > 0;
      }
    }
    assertThat(c.apart()).isEqualTo(!shared);
    long apart = LongStream.range(1, 40).mapToObj(s -> SwapCase.of(WORLD.generate(s))).flatMap(Optional::stream)
        .filter(SwapCase::apart).count();
    long overlapping = LongStream.range(1, 40).mapToObj(s -> SwapCase.of(WORLD.generate(s)))
        .flatMap(Optional::stream).filter(x -> !x.apart()).count();
    assertThat(apart).as("cases with regions apart").isPositive();
    assertThat(overlapping).as("cases with regions overlapping").isPositive();
  }

  @Test
  void scenesWithoutExactlyTwoFiguresAreRefused() {
    SceneGenerator three = new SceneGenerator(SceneOptions.defaults().withSize(64, 64).withSplit(Split.HELD_OUT)
        .withFigures(3, 3));
    assertThat(SwapCase.of(three.generate(1))).isEmpty();
  }

  @Test
  void theIdealItselfScoresEveryLookPoseAndRelation() {
    SwapCase c = firstCase();
    try (NDManager m = OfflineEngine.get().newBaseManager(); Judge judge = FigureWorldJudge.named("bundled", m)) {
      SwapScores ideal = new SwapScores();
      assertThat(ideal.add(judge, c.ideal().picture(), c, c.union(), Double.NaN)).startsWith("1,1,1,1,");
      SwapScores bedrock = new SwapScores();
      String row = bedrock.add(judge, c.scene().picture(), c, c.union(), 2.0);
      assertThat(row).endsWith(",1");
      assertThat(bedrock.row("bedrock")).contains("| bedrock | 1 |").contains("| inf | 0 | 2.00 |");
    }
  }
}
