package dev.crossnet.losses.steering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.api.loss.LossInput;
import dev.crossnet.api.loss.TrainingLoss;
import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.losses.LossContexts;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PosContrastiveLossTest {

  private static final TrainingLoss LOSS = new PosContrastiveLossProvider().create(PluginConfig.empty());

  /** Relation words near +e0, entity words near -e0, in 16 dimensions. */
  private static Map<String, NDArray> words(NDManager m) {
    Map<String, NDArray> w = new LinkedHashMap<>();
    w.put("preposition", cluster(m, 1f, 6, 1));
    w.put("verb", cluster(m, 1f, 5, 2));
    w.put("noun", cluster(m, -1f, 7, 3));
    w.put("adjective", cluster(m, -1f, 4, 4));
    return w;
  }

  private static NDArray cluster(NDManager m, float direction, int n, int seed) {
    m.getEngine().setRandomSeed(seed);
    NDArray noise = m.randomNormal(0f, 0.3f, new Shape(n, 16), DataType.FLOAT32);
    NDArray centre = m.zeros(new Shape(1, 16));
    centre.set(new ai.djl.ndarray.index.NDIndex("0, 0"), direction);
    return noise.add(centre);
  }

  private static float loss(NDManager m, NDArray token, Map<String, NDArray> words, int step) {
    Map<LossInput<?>, Object> in = Map.of(LossInput.LEARNED_EMBEDDINGS, token,
        LossInput.WORDS_BY_PART_OF_SPEECH, words);
    return LOSS.compute(LossContexts.of(m, in, step)).getFloat();
  }

  @Test
  void theLossFallsAsTheTokenMovesTowardThePositives() {
    try (NDManager m = NDManager.newBaseManager()) {
      Map<String, NDArray> words = words(m);
      float[] axis = new float[16];
      float[] previous = {Float.MAX_VALUE};
      for (float t : new float[] {-1f, -0.3f, 0.3f, 1f}) {
        axis[0] = t;
        axis[1] = 1f - Math.abs(t);
        float value = loss(m, m.create(axis, new Shape(1, 16)), words, 3);
        assertThat(value).isLessThan(previous[0]);
        previous[0] = value;
      }
    }
  }

  @Test
  void aStepGivesTheSameValueEveryTimeAndAnotherStepSamplesOtherWords() {
    try (NDManager m = NDManager.newBaseManager()) {
      Map<String, NDArray> words = words(m);
      m.getEngine().setRandomSeed(9);
      NDArray token = m.randomNormal(new Shape(1, 16));
      float first = loss(m, token, words, 7);
      assertThat(loss(m, token, words, 7)).isEqualTo(first);
      assertThat(loss(m, token, words, 8)).isNotEqualTo(first);
    }
  }

  @Test
  void gradientReachesOnlyTheLearnedToken() {
    try (NDManager m = NDManager.newBaseManager()) {
      Map<String, NDArray> words = words(m);
      NDArray token = m.create(new float[16], new Shape(1, 16)).add(0.1f);
      token.setRequiresGradient(true);
      try (var gc = m.getEngine().newGradientCollector()) {
        NDArray value = LOSS.compute(LossContexts.of(m, Map.of(LossInput.LEARNED_EMBEDDINGS, token,
            LossInput.WORDS_BY_PART_OF_SPEECH, words), 1));
        gc.backward(value);
      }
      assertThat(token.getGradient().abs().sum().getFloat()).isGreaterThan(0f);
    }
  }

  @Test
  void anEmptyWordSetIsNamedWithTheSetsThatExist() {
    try (NDManager m = NDManager.newBaseManager()) {
      Map<String, NDArray> words = words(m);
      words.put("verb", m.zeros(new Shape(0, 16)));
      assertThatThrownBy(() -> loss(m, m.ones(new Shape(1, 16)), words, 0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("positive word set 'verb' is empty")
          .hasMessageContaining("[preposition, verb, noun, adjective]")
          .hasMessageContaining("PartOfSpeechSets");
    }
  }

  @Test
  void aMissingWordSetIsReported() {
    try (NDManager m = NDManager.newBaseManager()) {
      Map<String, NDArray> words = words(m);
      words.remove("adjective");
      assertThatThrownBy(() -> loss(m, m.ones(new Shape(1, 16)), words, 0))
          .hasMessageContaining("negative word set 'adjective' is missing");
    }
  }

  @Test
  void defaultsAreReVersions() {
    PosContrastiveLoss loss = (PosContrastiveLoss) LOSS;
    assertThat(loss.settings()).isEqualTo(new PosContrastiveLoss.Settings(0.07, 4, 4,
        java.util.List.of("preposition", "verb"), java.util.List.of("noun", "adjective")));
  }
}
