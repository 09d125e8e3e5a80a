package dev.crossnet.core.edit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.crossnet.core.model.clip.ClipTextModel;
import dev.crossnet.core.text.PromptTokenizer;

/** Rows of a text encoder's token-embedding table that stand for a word before anything is learned or read. */
public final class WordRows {

  private WordRows() {}

  /**
   * The mean embedding of the tokens {@code text} is spelled with, [width], in {@code manager}; the mean of the
   * whole table when {@code text} is blank.
   */
  public static NDArray mean(ClipTextModel encoder, PromptTokenizer tokenizer, String text, NDManager manager) {
    NDArray table = encoder.tokenEmbeddings();
    int[] ids = text.isBlank() ? new int[0] : tokenizer.tokenize(text);
    // results of ops on the table are born in the weights' manager: keep them in a scope so none stays there
    try (NDManager scope = manager.newSubManager()) {
      NDArray rows = table;
      if (ids.length > 0) {
        long[] longIds = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
          longIds[i] = ids[i];
        }
        rows = table.get(scope.create(longIds));
        rows.attach(scope);
      }
      NDArray row = rows.mean(new int[] {0});
      row.attach(manager);
      return row;
    }
  }
}
