package dev.crossnet.examples.train;

import java.time.LocalTime;
import java.util.function.BooleanSupplier;
import picocli.CommandLine.Option;

/**
 * The options every training command shares: how often it writes a checkpoint, and when it stops (at the first
 * checkpoint after a deadline, so that a run is always resumable). Added to a command with {@code @Mixin}.
 */
final class CheckpointOptions {

  @Option(names = "--checkpoint-every", paramLabel = "N", defaultValue = "100",
      description = "Steps between checkpoints (default: ${DEFAULT-VALUE}).")
  int every;

  @Option(names = "--deadline", paramLabel = "HH:MM",
      description = "HH:MM (UTC): stop at the first checkpoint after the next such time, tomorrow's if it "
          + "has passed today (default: none).")
  LocalTime deadline;

  /** Steps between checkpoints. */
  int every() {
    return every;
  }

  /** Turns true once the deadline has passed (never without one). */
  BooleanSupplier stop() {
    return Deadline.stopAfter(deadline);
  }
}
