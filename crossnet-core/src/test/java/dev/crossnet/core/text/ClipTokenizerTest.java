package dev.crossnet.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ClipTokenizerTest {

  @TempDir Path dir;

  static List<ClipGoldens.Case> cases() throws IOException {
    return ClipGoldens.cases();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("cases")
  void reproducesTheReferenceIds(ClipGoldens.Case c) {
    assertThat(ClipGoldens.reference().encodeUnpadded(c.text())).containsExactly(c.ids());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("cases")
  void reproducesTheReferenceIdsPaddedWithEos(ClipGoldens.Case c) {
    assertThat(ClipGoldens.reference().encode(c.text())).containsExactly(c.padded77());
  }

  @Test
  void usesClipsMarkersAndContextLength() {
    assertThat(ClipGoldens.reference().bosId()).isEqualTo(49406);
    assertThat(ClipGoldens.reference().eosId()).isEqualTo(49407);
    assertThat(ClipGoldens.reference().padId()).isEqualTo(49407);
    assertThat(ClipGoldens.reference().maxLength()).isEqualTo(77);
    assertThat(ClipGoldens.reference().vocabularySize()).isEqualTo(49408);
  }

  @Test
  void looksUpTokensAsStored() {
    assertThat(ClipGoldens.reference().tokenId("cat</w>")).hasValue(2368);
    assertThat(ClipGoldens.reference().tokenId("no-such-token")).isEmpty();
  }

  @Test
  void decodesBackToTheCleanedText() {
    assertThat(ClipGoldens.reference().decode(ClipGoldens.reference().encode("A Photo of  a CAFÉ, isn't it?"))).isEqualTo("a photo of a café , isn 't it ?");
  }

  @Test
  void decodingKeepsTokensThatEqualAPadIdOtherThanEos() throws IOException {
    ClipGoldens.reference().save(dir);
    Files.writeString(dir.resolve("tokenizer_config.json"), "{\"pad_token\":\"!\"}");
    ClipTokenizer t = ClipTokenizer.load(dir);
    // id 0 is "!" inside a word, here also the pad id; only what follows eos is padding
    assertThat(t.decode(new int[] {t.bosId(), 0, t.tokenId("!</w>").getAsInt(), t.eosId(), 0, 0}))
        .isEqualTo("!!");
  }

  @Test
  void aPlaceholderIsOneNewTokenAfterTheVocabulary() {
    ClipTokenizer t = ClipTokenizer.load(ClipGoldens.folder());
    int id = t.addPlaceholder("<my-dog>");
    assertThat(id).isEqualTo(49408);
    assertThat(t.vocabularySize()).isEqualTo(49409);
    assertThat(t.tokenize("a photo of <my-dog> running")).containsExactly(320, 1125, 539, id, 2761);
  }

  @Test
  void aPlaceholderIsNeverSplitEvenWithoutSpaces() {
    ClipTokenizer t = ClipTokenizer.load(ClipGoldens.folder());
    int id = t.addPlaceholder("<my-dog>");
    assertThat(t.tokenize("<my-dog><my-dog>,<my-dog>")).containsExactly(id, id, 267, id);
  }

  @Test
  void theLongerPlaceholderWinsWhenOneContainsAnother() {
    ClipTokenizer t = ClipTokenizer.load(ClipGoldens.folder());
    List<Integer> ids = t.addPlaceholders(List.of("<dog>", "<dog>2"));
    assertThat(t.tokenize("<dog>2 <dog>")).containsExactly(ids.get(1), ids.get(0));
  }

  @Test
  void aTokenAlreadyInTheVocabularyCannotBeAPlaceholder() {
    ClipTokenizer t = ClipTokenizer.load(ClipGoldens.folder());
    assertThatThrownBy(() -> t.addPlaceholder("<|endoftext|>")).isInstanceOf(TokenizerException.class)
        .hasMessageContaining("already token 49407");
  }

  @Test
  void aBlankPlaceholderIsRefused() {
    ClipTokenizer t = ClipTokenizer.load(ClipGoldens.folder());
    assertThatThrownBy(() -> t.addPlaceholder(" ")).isInstanceOf(TokenizerException.class)
        .hasMessageContaining("non-blank");
  }

  @Test
  void placeholdersRoundTripThroughSaveAndLoad() throws IOException {
    ClipTokenizer t = ClipTokenizer.load(ClipGoldens.folder());
    List<Integer> ids = t.addPlaceholders(List.of("<my-dog>", "<my-cat>"));
    t.save(dir);
    assertThat(Files.readString(dir.resolve("added_tokens.json"))).contains("\"<my-dog>\":49408");
    ClipTokenizer back = ClipTokenizer.load(dir);
    assertThat(back.placeholders()).containsExactly(java.util.Map.entry("<my-dog>", ids.get(0)),
        java.util.Map.entry("<my-cat>", ids.get(1)));
    assertThat(back.encode("<my-cat> and <my-dog>")).containsExactly(t.encode("<my-cat> and <my-dog>"));
    assertThat(back.addPlaceholder("<next>")).isEqualTo(49410);
  }

  @Test
  void placeholdersDecodeAsWritten() {
    ClipTokenizer t = ClipTokenizer.load(ClipGoldens.folder());
    t.addPlaceholder("<my-dog>");
    assertThat(t.decode(t.encode("a photo of <my-dog> running"))).isEqualTo("a photo of <my-dog> running");
  }

  @Test
  void aSavedFolderLoadsWithTheSameIds() throws IOException {
    ClipGoldens.reference().save(dir);
    ClipTokenizer back = ClipTokenizer.load(dir);
    for (ClipGoldens.Case c : ClipGoldens.cases()) {
      assertThat(back.encode(c.text())).as(c.text()).containsExactly(c.padded77());
    }
  }

  @Test
  void aFolderWithoutMergesSaysWhatIsMissing() throws IOException {
    Files.writeString(dir.resolve("vocab.json"), "{}");
    assertThatThrownBy(() -> ClipTokenizer.load(dir)).isInstanceOf(TokenizerException.class)
        .hasMessageContaining("missing: merges.txt");
  }

  @Test
  void aVocabularyWithoutClipMarkersIsRefused() throws IOException {
    Files.writeString(dir.resolve("vocab.json"), "{\"a\":0}");
    Files.writeString(dir.resolve("merges.txt"), "#version: 0.2\n");
    assertThatThrownBy(() -> ClipTokenizer.load(dir)).isInstanceOf(TokenizerException.class)
        .hasMessageContaining("no '<|startoftext|>' token");
  }

  @Test
  void aMalformedMergeLineIsNamed() throws IOException {
    Files.writeString(dir.resolve("vocab.json"), "{\"<|startoftext|>\":0,\"<|endoftext|>\":1}");
    Files.writeString(dir.resolve("merges.txt"), "#version: 0.2\na b c\n");
    assertThatThrownBy(() -> ClipTokenizer.load(dir)).isInstanceOf(TokenizerException.class)
        .hasMessageContaining("line 2 is 'a b c'");
  }

  @Test
  void thePadTokenComesFromTheConfig() throws IOException {
    ClipGoldens.reference().save(dir);
    Files.writeString(dir.resolve("tokenizer_config.json"), "{\"pad_token\":{\"content\":\"!\"},\"model_max_length\":77}");
    ClipTokenizer t = ClipTokenizer.load(dir);
    assertThat(t.padId()).isZero();
    assertThat(t.encode("cat")).startsWith(49406, 2368, 49407, 0);
  }

  @Test
  void decodingAnIdOutsideTheVocabularyNamesIt() {
    assertThatThrownBy(() -> ClipGoldens.reference().decode(new int[] {49406, 2368, 999_999, 49407}))
        .isInstanceOf(TokenizerException.class).hasMessage("id 999999 is outside the vocabulary (0..49407)");
  }

  @Test
  void aPlaceholderWithSurroundingSpacesIsRefused() {
    ClipTokenizer t = ClipTokenizer.of(java.util.Map.of(ClipTokenizer.START, 0, ClipTokenizer.END, 1), List.of());
    assertThatThrownBy(() -> t.addPlaceholder(" <dog>")).isInstanceOf(TokenizerException.class)
        .hasMessage("placeholder: placeholder token ' <dog>' must be non-blank without surrounding spaces, "
            + "e.g. \"<my-dog>\"");
  }
}
