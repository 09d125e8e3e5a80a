package dev.crossnet.core.figureworld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossnet.core.defaultmodel.WordBpeVocabulary;
import org.junit.jupiter.api.Test;

class WorldVocabularyTest {

  @Test
  void partsOfSpeechSortTheCaptionWords() {
    assertThat(CaptionVocabulary.wordsOf(PartOfSpeech.NOUN)).contains("person", "robots", "dog", "cats", "box");
    assertThat(CaptionVocabulary.wordsOf(PartOfSpeech.ADJECTIVE)).contains("red", "purple", "small", "large");
    assertThat(CaptionVocabulary.wordsOf(PartOfSpeech.VERB)).contains("waving", "lying", "holding");
    assertThat(CaptionVocabulary.wordsOf(PartOfSpeech.PREPOSITION)).contains("next", "to", "behind", "on");
  }

  @Test
  void everyWordHasExactlyOnePartOfSpeech() {
    int total = CaptionVocabulary.byPartOfSpeech().values().stream().mapToInt(java.util.Set::size).sum();
    assertThat(total).isEqualTo(CaptionVocabulary.words().size());
  }

  @Test
  void theTokenizerVocabularyLearnsFromTheWordList() {
    WordBpeVocabulary v = WordBpeVocabulary.learn(CaptionVocabulary.words());
    for (String w : CaptionVocabulary.words()) {
      assertThat(v.vocabulary()).containsKey(w + WordBpeVocabulary.END_OF_WORD);
    }
  }

  @Test
  void anUnknownWordIsNamedWithTheKnownOnes() {
    assertThatThrownBy(() -> CaptionVocabulary.partOfSpeech("giraffe"))
        .hasMessageContaining("'giraffe'").hasMessageContaining("robot");
  }
}
