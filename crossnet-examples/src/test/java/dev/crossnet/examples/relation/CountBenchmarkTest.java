package dev.crossnet.examples.relation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossnet.core.figureworld.Appearance;
import dev.crossnet.core.figureworld.Colour;
import dev.crossnet.core.figureworld.Figure;
import dev.crossnet.core.figureworld.FigureKind;
import dev.crossnet.core.figureworld.Pose;
import dev.crossnet.core.figureworld.Size;
import org.junit.jupiter.api.Test;

class CountBenchmarkTest {

  private static final Figure RED_DOG = new Figure(FigureKind.DOG, new Appearance(Colour.RED, true, Size.SMALL),
      Pose.STANDING);

  @Test
  void theFigureIsAskedForNTimesAndTheRestOfTheCaptionKept() {
    assertThat(CountBenchmark.prompt("a small red dog with a hat standing in a park", RED_DOG, 3))
        .isEqualTo("three small red dogs with hats standing in a park");
    assertThat(CountBenchmark.prompt("a small red dog with a hat standing in a park", RED_DOG, 1))
        .isEqualTo("a small red dog with a hat standing in a park");
  }

  @Test
  void aCaptionThatDoesNotStartWithTheFigureIsRefused() {
    assertThatThrownBy(() -> CountBenchmark.prompt("a large blue cat sitting in a room", RED_DOG, 2))
        .hasMessageContaining("does not start with its figure's phrase 'a small red dog with a hat standing'");
  }
}
