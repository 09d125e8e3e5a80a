package dev.crossnet.core.edit;

import dev.crossnet.api.progress.Progress;
import dev.crossnet.api.progress.ProgressListener;

/** Progress of several edits run as one: each edit's steps counted as its share of the whole. */
final class ProgressParts {

  private ProgressParts() {}

  /** The listener for edit {@code k} of {@code n} equal edits: its steps reported after those of the k before it. */
  static ProgressListener part(ProgressListener whole, int k, int n) {
    return p -> whole.onProgress(new Progress(p.phase(), k * p.total() + p.done(), n * p.total()));
  }
}
