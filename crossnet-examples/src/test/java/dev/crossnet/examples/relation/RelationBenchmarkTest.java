package dev.crossnet.examples.relation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RelationBenchmarkTest {

  @Test
  void theEntitiesOfACaptionAreEachFiguresColourAndKindInOneOrder() {
    assertThat(RelationBenchmark.kinds("a small red dog sitting next to a large blue cat standing in a park"))
        .isEqualTo("blue cat+red dog");
    assertThat(RelationBenchmark.kinds("a large blue cat standing next to a small red dog sitting on a beach"))
        .isEqualTo("blue cat+red dog");
    assertThat(RelationBenchmark.kinds("a small green robot with a hat on top of a box"))
        .as("an object is not an entity the benchmark pairs").isEqualTo("green robot");
  }
}
