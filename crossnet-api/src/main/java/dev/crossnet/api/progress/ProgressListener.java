package dev.crossnet.api.progress;

/**
 * Receives progress of long work (sampling, training, inversion). Called on the working thread: keep it
 * quick. The CLI renders it as a progress bar.
 */
@FunctionalInterface
public interface ProgressListener {

  ProgressListener NONE = p -> {};

  void onProgress(Progress progress);
}
