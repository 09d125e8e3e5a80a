package dev.crossnet.core.nn;

import ai.djl.pytorch.jni.JniUtils;

/**
 * Switches libtorch's autograd recording for the current thread and restores it on close. libtorch's grad
 * mode is per thread, so inference on a worker thread must switch it off there.
 *
 * <pre>{@code
 * try (GradMode off = GradMode.disabled()) {
 *   NDArray eps = unet.forward(x, t, text);
 * }
 * }</pre>
 */
public final class GradMode implements AutoCloseable {

  private final boolean previous;

  private GradMode(boolean enabled) {
    this.previous = JniUtils.isGradMode();
    JniUtils.setGradMode(enabled);
  }

  /** No autograd graph is recorded on this thread until close. */
  public static GradMode disabled() {
    return new GradMode(false);
  }

  /** Autograd records on this thread until close (needed when a backward follows). */
  public static GradMode enabled() {
    return new GradMode(true);
  }

  @Override
  public void close() {
    JniUtils.setGradMode(previous);
  }
}
