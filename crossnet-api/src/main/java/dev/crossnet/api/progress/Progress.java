package dev.crossnet.api.progress;

/**
 * A point in a long piece of work: which phase ("encode", "sample", "train"...), how far, and of how much.
 */
public record Progress(String phase, int done, int total) {

  public Progress {
    if (total <= 0 || done < 0 || done > total) {
      throw new IllegalArgumentException("progress " + done + "/" + total + " in phase " + phase
          + " is not a valid count");
    }
  }

  public double fraction() {
    return done / (double) total;
  }
}
