package dev.crossnet.api.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The values readers answer with check what they hold. */
class ReadingValuesTest {

  private static final OccupantReading ROBOT = new OccupantReading("robot", "waving", 0.9, "small", 0.38, "humanoid");

  @Test
  void aWordSlotIsEitherAMixtureOrAPhrase() {
    Map<String, Double> weights = new LinkedHashMap<>();
    weights.put("red", 0.75);
    weights.put("blue", 0.25);
    WordSlot mix = WordSlot.mixture(weights);
    weights.put("green", 1.0);
    assertThat(mix.isPhrase()).isFalse();
    assertThat(mix.mixture()).containsOnlyKeys("red", "blue");
    assertThat(WordSlot.phrase("with a hat").isPhrase()).isTrue();
    assertThatThrownBy(() -> new WordSlot(Map.of("red", 1.0), "with a hat"))
        .hasMessageContaining("either a mixture of words or a phrase");
    assertThatThrownBy(() -> WordSlot.mixture(Map.of())).hasMessageContaining("either a mixture");
    assertThatThrownBy(() -> WordSlot.mixture(Map.of("red", Double.NaN))).hasMessageContaining("'red' has weight NaN");
    assertThatThrownBy(() -> WordSlot.mixture(Map.of("red", -0.5))).hasMessageContaining("weights >= 0");
  }

  @Test
  void anOccupantReadingRefusesConfidencesAndHeightsOutOfRange() {
    assertThatThrownBy(() -> new OccupantReading("robot", "waving", 1.5, "small", 0.38, "humanoid"))
        .hasMessageContaining("actionConfidence 1.5 is not in [0, 1]");
    assertThatThrownBy(() -> new OccupantReading("robot", "waving", 0.5, "small", 0, "humanoid"))
        .hasMessageContaining("height 0.0 must be positive");
  }

  @Test
  void aSubjectComparesItsSkeletonAndHeightWithAnOccupant() {
    SubjectReading dog = new SubjectReading("dog", "large", 0.5, "four-legged",
        List.of(WordSlot.mixture(Map.of("dog", 1.0))), "a", "a dog");
    SubjectReading person = new SubjectReading("person", "small", 0.38, "humanoid",
        List.of(WordSlot.mixture(Map.of("person", 1.0))), "", "a person");
    assertThat(dog.unlike(ROBOT)).isTrue();
    assertThat(person.unlike(ROBOT)).isFalse();
    assertThat(dog.heightOver(ROBOT)).isCloseTo(0.5 / 0.38, org.assertj.core.data.Offset.offset(1e-12));
    assertThatThrownBy(() -> new SubjectReading("dog", "large", 0.5, "four-legged", List.of(), "", ""))
        .hasMessageContaining("at least one word slot");
  }

  @Test
  void aReaderActsAsTheOccupantUnlessItKnowsBetter() {
    SceneReader plain = new SceneReader() {
      @Override
      public List<OccupantReading> occupants(dev.crossnet.api.image.Picture bedrock,
          List<dev.crossnet.api.region.Mask> regions) {
        return List.of(ROBOT);
      }

      @Override
      public SubjectReading subject(dev.crossnet.api.subject.Subject subject) {
        throw new UnsupportedOperationException();
      }

      @Override
      public List<String> actionWords() {
        return List.of("waving");
      }

      @Override
      public void close() {}
    };
    SubjectReading dog = new SubjectReading("dog", "large", 0.5, "four-legged",
        List.of(WordSlot.mixture(Map.of("dog", 1.0))), "a", "a dog");
    assertThat(plain.actionFor(dog, ROBOT)).isEqualTo("waving");
  }

  @Test
  void aReaderProviderIsOpenedForAModelNotCreatedFromAConfig() {
    ReaderProvider provider = new ReaderProvider() {
      @Override
      public String name() {
        return "toy";
      }

      @Override
      public boolean reads(ReadModel model) {
        return model.embeddedDefault();
      }

      @Override
      public SceneReader open(ReadModel model, ai.djl.ndarray.NDManager manager) {
        throw new UnsupportedOperationException();
      }
    };
    assertThat(provider.reads(new ReadModel(java.util.Optional.empty(), true))).isTrue();
    assertThat(provider.reads(ReadModel.at(java.nio.file.Path.of("m")))).isFalse();
    assertThatThrownBy(() -> provider.create(dev.crossnet.api.plugin.PluginConfig.empty()))
        .hasMessageContaining("open(ReadModel, NDManager)");
  }
}
