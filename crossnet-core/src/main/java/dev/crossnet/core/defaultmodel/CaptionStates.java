package dev.crossnet.core.defaultmodel;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.core.edit.SubjectPrompt;
import dev.crossnet.core.edit.WordRows;
import dev.crossnet.core.model.DiffusionModel;
import dev.crossnet.core.model.clip.TokenEmbeddingOverrides;
import dev.crossnet.core.nn.GradMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The frozen text encoder's states of each caption, computed once. Where a caption names
 * {@link AdapterExamples#SUBJECT_WORD}, the word takes the neutral row (the mean of the token-embedding table) that
 * an edit with an adapter gives it.
 */
final class CaptionStates {

  private final DiffusionModel model;
  private final NDManager manager;
  private final NDArray neutral;
  private final Map<String, float[]> cache = new HashMap<>();
  private int length;
  private int width;

  CaptionStates(DiffusionModel model, NDManager manager) {
    this.model = model;
    this.manager = manager;
    this.neutral = WordRows.mean(model.textEncoder(), model.tokenizer(), "", manager).reshape(1, -1);
    of("");
  }

  synchronized float[] of(String caption) {
    return cache.computeIfAbsent(caption, c -> {
      try (NDManager scope = manager.newSubManager(); GradMode off = GradMode.disabled()) {
        SubjectPrompt.Layout layout = SubjectPrompt.build(model.tokenizer(), c, List.of(),
            Map.of(AdapterExamples.SUBJECT_WORD, neutral));
        NDArray ids = scope.create(layout.ids(), new Shape(1, layout.ids().length));
        NDArray out = model.textEncoder().forward(ids, TokenEmbeddingOverrides.of(layout.overrides()))
            .lastHiddenState();
        length = (int) out.getShape().get(1);
        width = (int) out.getShape().get(2);
        return out.toFloatArray();
      }
    });
  }

  /** The states of these captions as one [B, L, D] batch. */
  NDArray batch(List<String> captions, NDManager scope) {
    List<float[]> rows = captions.stream().map(this::of).toList();
    float[] flat = new float[rows.size() * length * width];
    for (int i = 0; i < rows.size(); i++) {
      System.arraycopy(rows.get(i), 0, flat, i * length * width, length * width);
    }
    return scope.create(flat, new Shape(rows.size(), length, width));
  }

  int length() {
    return length;
  }

  int width() {
    return width;
  }
}
