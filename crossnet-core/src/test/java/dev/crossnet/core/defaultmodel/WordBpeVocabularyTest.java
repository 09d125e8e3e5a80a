package dev.crossnet.core.defaultmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordBpeVocabularyTest {

  private static final List<String> WORDS = List.of("a", "robot", "robots", "red", "person", "waving", "next", "to",
      "dog", "dogs", "sitting");

  @Test
  void everyWordBecomesOneVocabularyEntry() {
    WordBpeVocabulary v = WordBpeVocabulary.learn(WORDS);
    for (String w : WORDS) {
      assertThat(v.vocabulary()).containsKey(w + "</w>");
    }
  }

  @Test
  void theVocabularyHasEveryByteSymbolTwiceThenMergesThenSpecials() {
    WordBpeVocabulary v = WordBpeVocabulary.learn(WORDS);
    assertThat(new HashSet<>(WordBpeVocabulary.byteSymbols())).hasSize(256);
    assertThat(v.vocabulary().get("a")).isEqualTo(WordBpeVocabulary.byteSymbols().indexOf("a"));
    assertThat(v.vocabulary().get("!</w>")).isEqualTo(256);
    assertThat(v.vocabulary().get(WordBpeVocabulary.END)).isEqualTo(v.vocabulary().size() - 1);
    assertThat(v.vocabulary().get(WordBpeVocabulary.START)).isEqualTo(v.vocabulary().size() - 2);
  }

  @Test
  void learningIsDeterministicWhateverTheWordOrder() {
    WordBpeVocabulary a = WordBpeVocabulary.learn(WORDS);
    WordBpeVocabulary b = WordBpeVocabulary.learn(com.google.common.collect.Lists.reverse(WORDS));
    assertThat(a.mergesText()).isEqualTo(b.mergesText());
    assertThat(a.vocabularyJson()).isEqualTo(b.vocabularyJson());
  }

  @Test
  void wordsOutsideLowerCaseAsciiAreRefused() {
    assertThatThrownBy(() -> WordBpeVocabulary.learn(List.of("Robot"))).hasMessageContaining("'Robot'");
  }
}
