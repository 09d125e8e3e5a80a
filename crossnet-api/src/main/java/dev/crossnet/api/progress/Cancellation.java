package dev.crossnet.api.progress;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A flag another thread raises to stop long work; the work checks it between steps and ends with a
 * {@link CancelledException}.
 */
public final class Cancellation {

  private final AtomicBoolean cancelled = new AtomicBoolean();

  public static Cancellation create() {
    return new Cancellation();
  }

  /** A cancellation that is never raised. */
  public static Cancellation never() {
    return new Cancellation();
  }

  public void cancel() {
    cancelled.set(true);
  }

  public boolean isCancelled() {
    return cancelled.get();
  }

  /** Throws {@link CancelledException} when cancelled. */
  public void check(String where) {
    if (cancelled.get()) {
      throw new CancelledException("cancelled during " + where);
    }
  }
}
