package dev.crossnet.core.text;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * What the CLIP tokenizers share: the context length and the marker ids, looked up once in the vocabulary,
 * and the reading of the settings and placeholder rules both folder formats have in common.
 */
abstract class AbstractClipTokenizer implements PromptTokenizer {

  final int maxLength;
  final int bosId;
  final int eosId;
  final int padId;

  /**
   * @param padToken the pad token, or null to pad with eos (CLIP in Stable Diffusion 1.x)
   * @param origin where the vocabulary came from, for error messages
   */
  AbstractClipTokenizer(Map<String, Integer> vocabulary, int maxLength, String padToken, Object origin) {
    this.maxLength = maxLength;
    this.bosId = required(vocabulary, ClipTokenizer.START, origin);
    this.eosId = required(vocabulary, ClipTokenizer.END, origin);
    this.padId = padToken == null ? eosId : required(vocabulary, padToken, origin);
  }

  private static int required(Map<String, Integer> vocabulary, String token, Object origin) {
    Integer id = vocabulary.get(token);
    if (id == null) {
      throw new TokenizerException(origin + ": the vocabulary has no '" + token
          + "' token; is this a CLIP tokenizer?");
    }
    return id;
  }

  @Override
  public int maxLength() {
    return maxLength;
  }

  @Override
  public int bosId() {
    return bosId;
  }

  @Override
  public int eosId() {
    return eosId;
  }

  @Override
  public int padId() {
    return padId;
  }

  /**
   * Ids back to text as {@link PromptTokenizer#decode} defines it: bos skipped, nothing after eos, each
   * placeholder spelled as added and followed by a space, the runs of other ids between them decoded by
   * {@code decodeRun}.
   */
  final String decode(int[] ids, IntFunction<String> placeholderById, Function<List<Integer>, String> decodeRun) {
    StringBuilder out = new StringBuilder();
    List<Integer> run = new ArrayList<>();
    for (int id : ids) {
      if (id == eosId) {
        break; // what follows eos is padding, whatever the pad id is ("!" in some tokenizers)
      }
      if (id == bosId) {
        continue;
      }
      String placeholder = placeholderById.apply(id);
      if (placeholder == null) {
        run.add(id);
      } else {
        out.append(decodeRun.apply(run)).append(placeholder).append(' ');
        run.clear();
      }
    }
    return out.append(decodeRun.apply(run)).toString().strip();
  }

  /** Context length and pad token of a folder, as its {@code tokenizer_config.json} sets them. */
  record Settings(int maxLength, String padToken) {

    /**
     * Reads {@code tokenizer_config.json} when the folder has one; what it does not set stays at CLIP's 77 ids
     * and {@code padToken}.
     */
    static Settings read(Path folder, String padToken) {
      int maxLength = ClipTokenizer.DEFAULT_MAX_LENGTH;
      String pad = padToken;
      Path config = folder.resolve(TokenizerFiles.CONFIG);
      if (Files.isRegularFile(config)) {
        JsonObject c = TokenizerFiles.readObject(config);
        pad = TokenizerFiles.tokenSetting(c, "pad_token").orElse(pad);
        // some configs say 1e30 for "no limit": CLIP's text encoder still has 77 positions
        if (c.has("model_max_length") && c.get("model_max_length").getAsDouble() <= 100_000) {
          maxLength = c.get("model_max_length").getAsInt();
        }
      }
      return new Settings(maxLength, pad);
    }
  }

  /** Fails unless a placeholder is non-blank without surrounding spaces; {@code prefix} starts the message. */
  static void checkPlaceholderSpelling(String token, String prefix) {
    if (token == null || token.isBlank() || !token.strip().equals(token)) {
      throw new TokenizerException(prefix + "placeholder token '" + token
          + "' must be non-blank without surrounding spaces, e.g. \"<my-dog>\"");
    }
  }

  /** Creates the folder a tokenizer is saved to. */
  static void createFolder(Path folder) {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new TokenizerException(folder + ": cannot create the folder (" + e.getMessage() + ")", e);
    }
  }
}
