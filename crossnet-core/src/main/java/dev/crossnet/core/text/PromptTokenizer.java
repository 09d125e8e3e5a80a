package dev.crossnet.core.text;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * Turns prompts into the token ids a text encoder reads: begin and end markers around the text's tokens,
 * truncated and padded to the encoder's context length (77 for CLIP).
 *
 * <pre>{@code
 * PromptTokenizer t = PromptTokenizers.load(modelDir.resolve("tokenizer"));
 * int[] ids = t.encode("a photo of a cat");      // 77 ids: bos, tokens, eos, pad...
 * int dog = t.addPlaceholder("<my-dog>");        // textual inversion: a new whole token
 * }</pre>
 */
public interface PromptTokenizer {

  /** The text encoder's context length, bos and eos included (77 for CLIP). */
  int maxLength();

  /** Id of the begin-of-text marker. */
  int bosId();

  /** Id of the end-of-text marker. */
  int eosId();

  /** Id used to pad to {@link #maxLength()} (CLIP in Stable Diffusion 1.x pads with eos). */
  int padId();

  /** The text's token ids without markers, truncation or padding. */
  int[] tokenize(String text);

  /** Ids back to text: bos is skipped and decoding stops at the first eos (what follows is padding). */
  String decode(int[] ids);

  /** Number of ids in use: the vocabulary plus added placeholder tokens. */
  int vocabularySize();

  /** The id of one vocabulary entry or placeholder token, spelled as stored (e.g. {@code "cat</w>"}). */
  OptionalInt tokenId(String token);

  /**
   * Adds a token that is always kept whole (never split) and returns its new id, the next one after every
   * id in use. Fails when the token is blank or already known.
   */
  int addPlaceholder(String token);

  /** Writes the tokenizer, placeholders included, to a folder that {@link PromptTokenizers#load} reads. */
  void save(Path folder);

  /** Adds several placeholders in order and returns their ids. */
  default List<Integer> addPlaceholders(List<String> tokens) {
    List<Integer> ids = new ArrayList<>();
    tokens.forEach(t -> ids.add(addPlaceholder(t)));
    return ids;
  }

  /** bos, the tokens and eos, truncated to {@link #maxLength()} (eos kept last) but not padded. */
  default int[] encodeUnpadded(String text) {
    int[] tokens = tokenize(text);
    int n = Math.min(tokens.length, maxLength() - 2);
    int[] out = new int[n + 2];
    out[0] = bosId();
    System.arraycopy(tokens, 0, out, 1, n);
    out[n + 1] = eosId();
    return out;
  }

  /** {@link #encodeUnpadded} padded with {@link #padId()} to exactly {@link #maxLength()} ids. */
  default int[] encode(String text) {
    int[] ids = encodeUnpadded(text);
    int[] out = Arrays.copyOf(ids, maxLength());
    Arrays.fill(out, ids.length, out.length, padId());
    return out;
  }
}
