package dev.crossnet.core.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.crossnet.core.defaultmodel.WordBpeVocabulary;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.text.ClipTokenizer;
import dev.crossnet.core.text.PromptTokenizer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How subject words become tokens of the prompt. */
class SubjectPromptTest {

  private static final PromptTokenizer TOKENIZER = tokenizer();

  private static PromptTokenizer tokenizer() {
    WordBpeVocabulary words = WordBpeVocabulary.learn(List.of("a", "photo", "of", "dog", "and", "cat"));
    return ClipTokenizer.of(words.vocabulary(), words.merges());
  }

  @Test
  void aPromptWithoutTheWordGetsItAppended() {
    assertThat(SubjectPrompt.complete("a photo of a dog", List.of("<cat>"))).isEqualTo("a photo of a dog <cat>");
  }

  @Test
  void aPromptThatNamesTheWordIsKept() {
    assertThat(SubjectPrompt.complete("a photo of <cat>", List.of("<cat>"))).isEqualTo("a photo of <cat>");
  }

  @Test
  void wordsAreInsertedRightAfterTheirSubjectsFirstMention() {
    assertThat(SubjectPrompt.insertAfter("a <cat> and a <dog> by <cat>", Map.of("<cat>", "waving")))
        .isEqualTo("a <cat> waving and a <dog> by <cat>");
    assertThat(SubjectPrompt.insertAfter("<cat> and <dog>", new java.util.LinkedHashMap<>(Map.of("<dog>", "sitting",
        "<cat>", "lying")))).isEqualTo("<cat> lying and <dog> sitting");
  }

  @Test
  void wordsAreInsertedRightBeforeTheirSubjectsFirstMentionUnlessADeterminerIsThere() {
    assertThat(SubjectPrompt.insertBefore("<cat> waving and <dog> by <cat>", Map.of("<cat>", "a")))
        .isEqualTo("a <cat> waving and <dog> by <cat>");
    assertThat(SubjectPrompt.insertBefore("<cat> and <dog>", new java.util.LinkedHashMap<>(Map.of("<cat>", "a",
        "<dog>", "a")))).isEqualTo("a <cat> and a <dog>");
    assertThat(SubjectPrompt.insertBefore("two <cat> near The <dog>", Map.of("<cat>", "a", "<dog>", "a")))
        .isEqualTo("two <cat> near The <dog>");
    assertThat(SubjectPrompt.insertBefore("a tall <cat>", Map.of("<cat>", "a tall"))).isEqualTo("a tall <cat>");
    assertThat(SubjectPrompt.insertBefore("data <cat>", Map.of("<cat>", "a"))).isEqualTo("data a <cat>");
    assertThat(SubjectPrompt.insertBefore("a <cat>", Map.of("<dog>", "a", "<cat>", " "))).isEqualTo("a <cat>");
  }

  @Test
  void wordsForASubjectThePromptLacksOrBlankWordsAreLeftOut() {
    assertThat(SubjectPrompt.insertAfter("a <cat>", Map.of("<dog>", "sitting"))).isEqualTo("a <cat>");
    assertThat(SubjectPrompt.insertAfter("a <cat>", Map.of("<cat>", " "))).isEqualTo("a <cat>");
    assertThat(SubjectPrompt.insertAfter("a <cat>s", Map.of("<cat>", "sitting"))).isEqualTo("a <cat>s");
  }

  @Test
  void anEmptyPromptIsTheWordsJoined() {
    assertThat(SubjectPrompt.complete("", List.of("<cat>", "<dog>"))).isEqualTo("<cat> and <dog>");
  }

  @Test
  void learnedWordsBecomeCarrierTokensUnusedElsewhereInThePrompt() {
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      NDArray rows = m.zeros(new ai.djl.ndarray.types.Shape(2, 8));
      SubjectPrompt.Layout l = SubjectPrompt.build(TOKENIZER, "a photo of <cat> and a dog", List.of("<cat>"),
          Map.of("<cat>", rows));
      int[] at = l.positions().get(0);
      assertThat(at).containsExactly(4, 5);
      assertThat(l.overrides()).containsOnlyKeys(l.ids()[4], l.ids()[5]);
      for (int i = 0; i < l.ids().length; i++) {
        if (i != 4 && i != 5) {
          assertThat(l.ids()[i]).isNotIn(l.ids()[4], l.ids()[5]);
        }
      }
    }
  }

  @Test
  void eachSubjectsPositionsAreReportedInReplacementOrder() {
    SubjectPrompt.Layout l = SubjectPrompt.build(TOKENIZER, "<dog> and <cat>", List.of("<cat>", "<dog>"), Map.of());
    assertThat(l.positions().get(1)[0]).isEqualTo(1);
    assertThat(l.positions().get(0)[0]).isGreaterThan(l.positions().get(1)[l.positions().get(1).length - 1]);
  }

  @Test
  void aWordPushedOffTheEndOfALongPromptIsAnError() {
    String longText = "a photo of a dog ".repeat(40);
    assertThatThrownBy(() -> SubjectPrompt.build(TOKENIZER, longText + "<cat>", List.of("<cat>"), Map.of()))
        .hasMessageContaining("fell off its end");
  }
}
