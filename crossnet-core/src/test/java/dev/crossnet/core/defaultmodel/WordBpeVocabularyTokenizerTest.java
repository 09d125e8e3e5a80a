package dev.crossnet.core.defaultmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossnet.core.text.ClipTokenizer;
import dev.crossnet.core.text.PromptTokenizers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A learned vocabulary, written as vocab.json + merges.txt, is a working CLIP tokenizer. */
class WordBpeVocabularyTokenizerTest {

  private static final List<String> WORDS = List.of("a", "robot", "robots", "red", "person", "waving", "next", "to",
      "dog", "dogs", "sitting");

  @TempDir Path dir;

  private ClipTokenizer written(WordBpeVocabulary v) throws Exception {
    Files.writeString(dir.resolve("vocab.json"), v.vocabularyJson());
    Files.writeString(dir.resolve("merges.txt"), v.mergesText());
    return (ClipTokenizer) PromptTokenizers.load(dir);
  }

  @Test
  void everyLearnedWordIsOneToken() throws Exception {
    WordBpeVocabulary v = WordBpeVocabulary.learn(WORDS);
    ClipTokenizer t = written(v);
    for (String w : WORDS) {
      assertThat(t.tokenize(w)).as(w).containsExactly(v.vocabulary().get(w + "</w>"));
    }
  }

  @Test
  void aCaptionBecomesOneTokenPerWordBetweenTheMarkers() throws Exception {
    WordBpeVocabulary v = WordBpeVocabulary.learn(WORDS);
    ClipTokenizer t = written(v);
    int[] ids = t.encodeUnpadded("A red robot waving next to a dog");
    assertThat(ids).hasSize(2 + 8);
    assertThat(ids[0]).isEqualTo(v.vocabulary().get(WordBpeVocabulary.START));
    assertThat(ids[9]).isEqualTo(v.vocabulary().get(WordBpeVocabulary.END));
  }

  @Test
  void unknownWordsStillTokenizeIntoBytePieces() throws Exception {
    ClipTokenizer t = written(WordBpeVocabulary.learn(WORDS));
    assertThat(t.tokenize("zebra")).hasSizeGreaterThan(1);
    assertThat(t.decode(t.encode("zebra dogs"))).isEqualTo("zebra dogs");
  }
}
