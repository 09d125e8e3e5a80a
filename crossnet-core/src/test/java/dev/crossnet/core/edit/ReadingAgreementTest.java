package dev.crossnet.core.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossnet.api.reading.WordSlot;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The points a region's reading earns against the subject's: likeliest words in order, and the set of phrases. */
class ReadingAgreementTest {

  private static WordSlot likely(String word, String other) {
    return WordSlot.mixture(Map.of(word, 0.7, other, 0.3));
  }

  @Test
  void eachSlotWhoseLikeliestWordAgreesEarnsAPointAndTheSamePhrasesOne() {
    List<WordSlot> subject = List.of(likely("small", "large"), likely("purple", "blue"), likely("dog", "cat"),
        WordSlot.phrase("with a hat"));
    assertThat(ReadingAgreement.agreement(subject, subject)).isEqualTo(4);
    List<WordSlot> blueDog = List.of(likely("small", "large"), likely("blue", "purple"), likely("dog", "cat"),
        WordSlot.phrase("with a hat"));
    assertThat(ReadingAgreement.agreement(subject, blueDog)).isEqualTo(3);
    List<WordSlot> hatless = List.of(likely("small", "large"), likely("purple", "blue"), likely("dog", "cat"));
    assertThat(ReadingAgreement.agreement(subject, hatless)).isEqualTo(3);
    List<WordSlot> nothingAlike = List.of(likely("large", "small"), likely("red", "blue"), likely("robot", "cat"));
    assertThat(ReadingAgreement.agreement(subject, nothingAlike)).isZero();
  }
}
