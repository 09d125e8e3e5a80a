package dev.crossnet.core.judge;

import java.util.List;

/**
 * Where the judge's examples come from. Deterministic in {@code step}, so that a resumed training sees exactly
 * the batches an uninterrupted one would have.
 */
@FunctionalInterface
public interface JudgeDataset {

  /** The examples of training step {@code step}. */
  List<JudgeExample> batch(int step, int size);
}
