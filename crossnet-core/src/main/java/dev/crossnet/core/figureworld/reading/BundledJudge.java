package dev.crossnet.core.figureworld.reading;

import ai.djl.ndarray.NDManager;
import dev.crossnet.core.judge.FigureWorldJudge;
import dev.crossnet.core.judge.Judge;
import java.util.Optional;
import java.util.function.Function;

/** Reads with a judge the caller shares, or with the bundled FigureWorld judge loaded for the one reading. */
final class BundledJudge {

  private BundledJudge() {}

  /**
   * {@code read} applied to {@code shared}, or to the bundled judge loaded into a child of {@code manager} and
   * closed afterwards.
   */
  static <T> T read(Optional<Judge> shared, NDManager manager, Function<Judge, T> read) {
    if (shared.isPresent()) {
      return read.apply(shared.get());
    }
    try (NDManager scope = manager.newSubManager(); Judge judge = FigureWorldJudge.bundled(scope)) {
      return read.apply(judge);
    }
  }
}
