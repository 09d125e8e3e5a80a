package dev.crossnet.core.text;

import java.nio.file.Files;
import java.nio.file.Path;

/** Opens the tokenizer folder of a model, choosing the implementation from the files present. */
public final class PromptTokenizers {

  private PromptTokenizers() {}

  /**
   * {@code vocab.json} + {@code merges.txt} open as a pure-Java {@link ClipTokenizer} (preferred: no native
   * code); a folder with only {@code tokenizer.json} opens as a {@link HuggingFaceClipTokenizer}.
   */
  public static PromptTokenizer load(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new TokenizerException(folder + " is not a folder; expected a tokenizer folder with vocab.json and"
          + " merges.txt (or tokenizer.json)");
    }
    if (Files.isRegularFile(folder.resolve(TokenizerFiles.VOCAB))
        && Files.isRegularFile(folder.resolve(TokenizerFiles.MERGES))) {
      return ClipTokenizer.load(folder);
    }
    if (Files.isRegularFile(folder.resolve(TokenizerFiles.TOKENIZER_JSON))) {
      return HuggingFaceClipTokenizer.load(folder);
    }
    throw new TokenizerException(folder + " has neither vocab.json + merges.txt nor tokenizer.json;"
        + " point it at the model's tokenizer/ folder");
  }
}
