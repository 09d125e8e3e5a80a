package dev.crossnet.core.relation;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.pipeline.TextToImageRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class CountSteeringTest {

  @Test
  void steeringTheSubjectTokenLowersTheCountLossAndRedraws() {
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      DiffusionParts parts = TinyParts.create(m);
      CountSteering steering = new CountSteering(parts, CountSteering.Settings.defaults(12)
          .withLearningRate(0.1).withMinMapCells(64).withFixedNoise());
      CountSteering.Result r = steering.draw(TextToImageRequest.of("two small red dogs sitting in a park")
          .withSize(16, 16).withSampler("ddim", 2), "dogs", 3, (s, l) -> {}, m);
      List<Double> losses = r.losses();
      assertThat(losses).hasSize(12);
      assertThat(losses.get(losses.size() - 1)).isLessThan(losses.get(0));
      assertThat(r.token().placeholder()).isEqualTo("dogs</w>");
      assertThat(r.after().rgbPixels()).isNotEqualTo(r.before().rgbPixels());
    }
  }
}
