package dev.crossnet.examples.cli;

import dev.crossnet.api.progress.Progress;
import dev.crossnet.api.progress.ProgressListener;
import java.io.PrintStream;
import java.util.Locale;

/** Renders progress events as a one-line text bar on a terminal stream, redrawn in place. */
public final class ProgressBar implements ProgressListener {

  private static final int WIDTH = 30;

  private final PrintStream out;
  private final long started = System.nanoTime();
  private String lastPhase = "";

  public ProgressBar(PrintStream out) {
    this.out = out;
  }

  @Override
  public void onProgress(Progress p) {
    if (!p.phase().equals(lastPhase) && !lastPhase.isEmpty()) {
      out.println();
    }
    lastPhase = p.phase();
    int filled = (int) Math.round(p.fraction() * WIDTH);
    double seconds = (System.nanoTime() - started) / 1e9;
    out.print(String.format(Locale.ROOT, "\r%-10s [%s%s] %d/%d %.1fs", p.phase(), "#".repeat(filled),
        " ".repeat(WIDTH - filled), p.done(), p.total(), seconds));
    if (p.done() == p.total()) {
      out.println();
      lastPhase = "";
    }
    out.flush();
  }
}
