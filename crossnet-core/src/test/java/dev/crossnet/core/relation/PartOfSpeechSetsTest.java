package dev.crossnet.core.relation;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.core.defaultmodel.WordBpeVocabulary;
import dev.crossnet.core.figureworld.CaptionVocabulary;
import dev.crossnet.core.testing.SharedFolder;
import dev.crossnet.core.text.ClipTokenizer;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PartOfSpeechSetsTest {

  private static WordNetLexicon wordnet;

  @BeforeAll
  static void loadWordNet() {
    wordnet = WordNetLexicon.load();
  }

  @Test
  void wordNetGivesTheMostFrequentClassOfInflectedWords() {
    assertThat(wordnet.partOfSpeech("dogs")).contains(WordNetLexicon.Pos.NOUN);
    assertThat(wordnet.partOfSpeech("holding")).contains(WordNetLexicon.Pos.VERB);
    assertThat(wordnet.partOfSpeech("ran")).contains(WordNetLexicon.Pos.VERB);
    assertThat(wordnet.partOfSpeech("red")).contains(WordNetLexicon.Pos.ADJECTIVE);
    assertThat(wordnet.partOfSpeech("qwzx")).isEmpty();
  }

  @Test
  void aRealClipVocabularyIsSplitByWordNetWithPrepositionsFromTheClosedList() {
    ClipTokenizer clip = ClipTokenizer.load(SharedFolder.resolve("goldens/clip-tokenizer"));
    PartOfSpeechSets sets = PartOfSpeechSets.wordNet(clip, wordnet);
    assertThat(sets.words().get("noun")).contains("dog</w>", "cat</w>", "table</w>").hasSizeGreaterThan(5000);
    assertThat(sets.words().get("verb")).contains("holding</w>", "riding</w>");
    assertThat(sets.words().get("adjective")).contains("red</w>", "small</w>");
    assertThat(sets.words().get("preposition")).contains("on</w>", "behind</w>", "under</w>")
        .hasSizeBetween(50, Prepositions.words().size());
    assertThat(sets.words().get("noun")).doesNotContain("on</w>", "in</w>");
  }

  @Test
  void theDefaultModelsSetsComeFromTheCaptionVocabulary() {
    WordBpeVocabulary words = WordBpeVocabulary.learn(CaptionVocabulary.words());
    PartOfSpeechSets sets = PartOfSpeechSets.figureWorld(ClipTokenizer.of(words.vocabulary(), words.merges()));
    assertThat(sets.words().get("preposition")).contains("behind</w>", "next</w>", "with</w>");
    assertThat(sets.words().get("verb")).contains("holding</w>", "facing</w>");
    assertThat(sets.words().get("noun")).contains("robot</w>").doesNotContain("a</w>", "and</w>");
  }

  @Test
  void embeddingsAreTheTableRowsOfEachClass() {
    WordBpeVocabulary words = WordBpeVocabulary.learn(CaptionVocabulary.words());
    ClipTokenizer tokenizer = ClipTokenizer.of(words.vocabulary(), words.merges());
    PartOfSpeechSets sets = PartOfSpeechSets.figureWorld(tokenizer);
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray table = m.arange(0f, tokenizer.vocabularySize() * 4f).reshape(tokenizer.vocabularySize(), 4);
      Map<String, NDArray> e = sets.embeddings(table, m);
      assertThat(e.keySet()).containsExactly("noun", "adjective", "verb", "preposition");
      int firstVerb = sets.ids().get("verb").get(0);
      assertThat(e.get("verb").getShape()).isEqualTo(new Shape(sets.ids().get("verb").size(), 4));
      assertThat(e.get("verb").get(0).toFloatArray()).containsExactly(table.get(firstVerb).toFloatArray());
    }
  }

  @Test
  void aTokenLiesClosestToTheClassWhoseWordsItPointsAlong() {
    WordBpeVocabulary words = WordBpeVocabulary.learn(CaptionVocabulary.words());
    ClipTokenizer tokenizer = ClipTokenizer.of(words.vocabulary(), words.merges());
    PartOfSpeechSets sets = PartOfSpeechSets.figureWorld(tokenizer);
    int vocabulary = tokenizer.vocabularySize();
    float[] rows = new float[vocabulary * 4];
    // every noun points along the first axis, every verb along the second, the rest along the third
    for (int id = 0; id < vocabulary; id++) {
      int axis = sets.ids().get("noun").contains(id) ? 0 : sets.ids().get("verb").contains(id) ? 1 : 2;
      rows[id * 4 + axis] = 1 + id % 3;
    }
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray table = m.create(rows).reshape(vocabulary, 4);
      NDArray token = m.create(new float[] {0, 2, 0, 0});
      int before = m.getManagedArrays().size();
      Map<String, Double> cosines = sets.meanCosines(token, table, m);
      assertThat(cosines.keySet()).containsExactly("noun", "adjective", "verb", "preposition");
      assertThat(cosines.get("verb")).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-5));
      assertThat(cosines.get("noun")).isCloseTo(0.0, org.assertj.core.api.Assertions.within(1e-5));
      assertThat(m.getManagedArrays()).as("nothing left behind").hasSize(before);
    }
  }
}
