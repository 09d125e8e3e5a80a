package dev.crossnet.core.model.clip;

import ai.djl.ndarray.NDArray;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Replacement rows of the token-embedding table for some token ids, as textual inversion learns them. The
 * rows may require a gradient: the encoder's output is differentiable with respect to them while the
 * frozen table is left untouched.
 *
 * <pre>{@code
 * NDArray learned = init.duplicate();
 * learned.setRequiresGradient(true);
 * ClipTextOutput out = clip.forward(ids, TokenEmbeddingOverrides.of(placeholderId, learned));
 * }</pre>
 */
public final class TokenEmbeddingOverrides {

  /** No override. */
  public static final TokenEmbeddingOverrides NONE = new TokenEmbeddingOverrides(Map.of());

  private final Map<Long, NDArray> rows;

  private TokenEmbeddingOverrides(Map<Long, NDArray> rows) {
    this.rows = Collections.unmodifiableMap(new LinkedHashMap<>(rows));
  }

  /** One token's row [hidden]. */
  public static TokenEmbeddingOverrides of(long tokenId, NDArray row) {
    return of(Map.of(tokenId, row));
  }

  /** Several tokens' rows (e.g. a multi-vector placeholder), each [hidden]. */
  public static TokenEmbeddingOverrides of(Map<Long, NDArray> rows) {
    return new TokenEmbeddingOverrides(rows);
  }

  public Map<Long, NDArray> rows() {
    return rows;
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }
}
