package dev.crossnet.core.edit;

import ai.djl.ndarray.NDArray;
import dev.crossnet.api.branch.AttentionControl;
import dev.crossnet.api.branch.BranchRun;
import java.util.Map;
import java.util.Optional;

/** A branch run that reports the settings it resolved (defaults included), for the edit's record. */
public interface RecordedRun extends BranchRun {

  /** Resolved settings by key, e.g. {@code "steps" -> "100"}; the runtime prefixes them with the branch name. */
  Map<String, String> record();

  /**
   * A run that only supplies words: rows for words ({@link #wordEmbeddings()}), words to put before and after
   * subjects' words, and its record.
   */
  static RecordedRun ofWords(Map<String, NDArray> rows, Map<String, String> before, Map<String, String> after,
      Map<String, String> record) {
    return ofWords(rows, before, after, record, Optional.empty());
  }

  /** As {@link #ofWords(Map, Map, Map, Map)}, with a control of the network's attention layers. */
  static RecordedRun ofWords(Map<String, NDArray> rows, Map<String, String> before, Map<String, String> after,
      Map<String, String> record, Optional<AttentionControl> attention) {
    return new RecordedRun() {
      @Override
      public Optional<AttentionControl> attention() {
        return attention;
      }

      @Override
      public Map<String, NDArray> wordEmbeddings() {
        return rows;
      }

      @Override
      public Map<String, String> wordsBeforeSubject() {
        return before;
      }

      @Override
      public Map<String, String> wordsAfterSubject() {
        return after;
      }

      @Override
      public Map<String, String> record() {
        return record;
      }
    };
  }
}
