package dev.crossnet.losses;

import ai.djl.ndarray.NDManager;
import dev.crossnet.api.loss.LossContext;
import dev.crossnet.api.loss.LossInput;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/** Loss contexts over fixed values, for testing losses without a trainer. */
public final class LossContexts {

  private LossContexts() {}

  public static LossContext of(NDManager m, Map<LossInput<?>, Object> values) {
    return of(m, values, 0);
  }

  /** A context of training step {@code step}, whose random source is seeded by the step. */
  public static LossContext of(NDManager m, Map<LossInput<?>, Object> values, int step) {
    return new LossContext() {
      @Override
      @SuppressWarnings("unchecked")
      public <T> Optional<T> find(LossInput<T> input) {
        return Optional.ofNullable((T) values.get(input));
      }

      @Override
      public NDManager manager() {
        return m;
      }

      @Override
      public SplittableRandom random() {
        return new SplittableRandom(step);
      }

      @Override
      public int step() {
        return step;
      }
    };
  }
}
