package dev.crossnet.core.defaultmodel;

import dev.crossnet.api.progress.Cancellation;
import dev.crossnet.api.progress.ProgressListener;
import dev.crossnet.core.train.Trainer;
import dev.crossnet.core.train.TrainingListener;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * How long and how one training stage runs.
 *
 * @param steps optimisation steps in all (a resumed run goes on to this count)
 * @param batch examples per step
 * @param seed initialisation and batch seed
 * @param checkpoints where checkpoints go, if anywhere; a run resumes from the latest one found there
 * @param checkpointEvery steps between checkpoints
 * @param stop asked after every {@code checkpointEvery} steps (right after the checkpoint); true ends the run
 *     early and cleanly, e.g. at a deadline
 */
public record TrainingRun(int steps, int batch, long seed, Optional<Path> checkpoints, int checkpointEvery,
    BooleanSupplier stop) {

  public TrainingRun {
    if (steps < 0 || batch < 1 || checkpointEvery < 1) {
      throw new IllegalArgumentException("need steps >= 0, batch >= 1 and checkpointEvery >= 1; got steps "
          + steps + ", batch " + batch + ", checkpointEvery " + checkpointEvery);
    }
  }

  /** A run that goes on until {@code steps}. */
  public static TrainingRun of(int steps, int batch, long seed, Optional<Path> checkpoints, int checkpointEvery) {
    return new TrainingRun(steps, batch, seed, checkpoints, checkpointEvery, () -> false);
  }

  /**
   * Resumes the trainer and trains in chunks of {@code checkpointEvery} steps, each ending with a checkpoint,
   * until {@code steps} are done or {@code stop} says so; where the trainer keeps parameter averages, the
   * parameters then hold the averaged values (the weights to export or sample with).
   *
   * @return the last step's loss values (empty when no step ran)
   */
  static Map<String, Double> runInChunks(Trainer trainer, TrainingRun run, ProgressListener progress,
      TrainingListener listener, Cancellation cancellation) {
    trainer.resume();
    Map<String, Double> last = Map.of();
    while (trainer.stepsDone() < run.steps()) {
      int target = Math.min(run.steps(), (trainer.stepsDone() / run.checkpointEvery() + 1) * run.checkpointEvery());
      last = trainer.train(target, progress, listener, cancellation);
      if (run.stop().getAsBoolean()) {
        break;
      }
    }
    if (!trainer.averagedParameters().isEmpty()) {
      trainer.copyAveragesIntoParameters();
    }
    return last;
  }
}
