package dev.crossnet.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** tokenizer.json written from vocab + merges, run by Hugging Face's native tokenizers through DJL. */
class HuggingFaceClipTokenizerTest {

  @TempDir static Path converted;
  private static HuggingFaceClipTokenizer hf;

  @TempDir Path dir;

  /** The reference vocabulary converted to tokenizer.json and opened through DJL (skips when absent). */
  private static synchronized HuggingFaceClipTokenizer hf() throws IOException {
    ClipTokenizer reference = ClipGoldens.reference();
    if (hf == null) {
      reference.save(converted);
      // only tokenizer.json and its config remain, so nothing but the converted JSON is used
      Files.delete(converted.resolve("vocab.json"));
      Files.delete(converted.resolve("merges.txt"));
      hf = HuggingFaceClipTokenizer.load(converted);
    }
    return hf;
  }

  @AfterAll
  static void close() {
    if (hf != null) {
      hf.close();
    }
  }

  static List<ClipGoldens.Case> cases() throws IOException {
    return ClipGoldens.cases();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("cases")
  void theConvertedTokenizerJsonReproducesTheReferenceIds(ClipGoldens.Case c) throws IOException {
    assertThat(hf().encode(c.text())).containsExactly(c.padded77());
  }

  @Test
  void aFolderWithOnlyTokenizerJsonOpensThroughHuggingFace() throws IOException {
    hf();
    PromptTokenizer t = PromptTokenizers.load(converted);
    try {
      assertThat(t).isInstanceOf(HuggingFaceClipTokenizer.class);
    } finally {
      ((HuggingFaceClipTokenizer) t).close();
    }
  }

  @Test
  void decodesLikeThePureJavaTokenizer() throws IOException {
    ClipTokenizer java = ClipGoldens.reference();
    String text = "A Photo of  a CAFÉ, isn't it?";
    assertThat(hf().decode(hf().encode(text))).isEqualTo(java.decode(java.encode(text)));
  }

  @Test
  void placeholdersAgreeWithThePureJavaTokenizerAndSurviveSaving() {
    ClipTokenizer java = ClipTokenizer.load(ClipGoldens.folder());
    java.addPlaceholder("<my-dog>");
    java.save(dir);
    try (HuggingFaceClipTokenizer fromJava = HuggingFaceClipTokenizer.load(dir)) {
      String text = "a photo of <my-dog>,running with<my-dog>";
      assertThat(fromJava.encode(text)).containsExactly(java.encode(text));
      assertThat(fromJava.tokenId("<my-dog>")).hasValue(49408);
    }
  }

  @Test
  void aPlaceholderAddedHereGetsTheNextId() throws IOException {
    hf();
    try (HuggingFaceClipTokenizer t = HuggingFaceClipTokenizer.load(converted)) {
      int id = t.addPlaceholder("<my-cat>");
      assertThat(id).isEqualTo(49408);
      assertThat(t.tokenize("a <my-cat>")).containsExactly(320, id);
      t.save(dir);
      try (HuggingFaceClipTokenizer back = HuggingFaceClipTokenizer.load(dir)) {
        assertThat(back.tokenize("a <my-cat>")).containsExactly(320, id);
      }
    }
  }

  @Test
  void aPlaceholderWithSurroundingSpacesIsRefused() throws IOException {
    assertThatThrownBy(() -> hf().addPlaceholder("<dog> ")).isInstanceOf(TokenizerException.class)
        .hasMessage("placeholder token '<dog> ' must be non-blank without surrounding spaces, e.g. \"<my-dog>\"");
  }
}
