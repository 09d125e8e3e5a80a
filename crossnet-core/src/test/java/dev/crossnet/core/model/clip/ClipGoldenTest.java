package dev.crossnet.core.model.clip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossnet.core.model.Goldens;
import org.junit.jupiter.api.Test;

class ClipGoldenTest {

  private static ClipTextOutput run(Goldens.Case g) {
    return ClipTextModel.load(g.model(), g.manager()).forward(g.io("input_ids"));
  }

  @Test
  void lastHiddenStateMatchesTheReference() throws Exception {
    try (Goldens.Case g = Goldens.open("clip-a")) {
      assertThat(g.error(run(g).lastHiddenState(), "last_hidden_state")).isLessThan(1e-4f);
    }
  }

  @Test
  void pooledOutputIsTheHiddenStateAtTheFirstEos() throws Exception {
    try (Goldens.Case g = Goldens.open("clip-a")) {
      assertThat(g.error(run(g).pooled(), "pooler_output")).isLessThan(1e-4f);
    }
  }
}
