package dev.crossnet.examples.train;

import dev.crossnet.core.train.TrainingListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Appends each step's losses to a CSV file ({@code step,seconds,name=value...} columns fixed by the first
 * row) and prints a progress line every few steps with the throughput. A resumed run starts again at its
 * checkpoint's step: the rows an interrupted run wrote from that step on are dropped (the file rewritten
 * atomically) before the first new row, so every step appears once.
 */
final class LossLog implements TrainingListener {

  private final Path csv;
  private final String stage;
  private final int batch;
  private final int printEvery;
  private final long started = System.nanoTime();
  private int stepsSeen;
  private boolean resumedRowsDropped;
  private double smoothed = Double.NaN;

  LossLog(Path csv, String stage, int batch, int printEvery) {
    this.csv = csv;
    this.stage = stage;
    this.batch = batch;
    this.printEvery = printEvery;
  }

  @Override
  public void onStep(int step, Map<String, Double> losses) {
    stepsSeen++;
    double seconds = (System.nanoTime() - started) / 1e9;
    StringBuilder line = new StringBuilder();
    try {
      if (!resumedRowsDropped) {
        dropRowsFrom(step);
        resumedRowsDropped = true;
      }
      if (!Files.exists(csv)) {
        StringBuilder header = new StringBuilder("step,seconds");
        losses.keySet().forEach(k -> header.append(',').append(k));
        Files.writeString(csv, header.append('\n'), StandardCharsets.UTF_8);
      }
      line.append(step).append(',').append(String.format(Locale.ROOT, "%.2f", seconds));
      losses.values().forEach(v -> line.append(',').append(String.format(Locale.ROOT, "%.6f", v)));
      Files.writeString(csv, line.append('\n'), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + csv, e);
    }
    double first = losses.values().iterator().next();
    smoothed = Double.isNaN(smoothed) ? first : 0.98 * smoothed + 0.02 * first;
    if (stepsSeen % printEvery == 0) {
      System.out.printf(Locale.ROOT, "%s step %d loss %.5f (smoothed %.5f) %.2f s/step %.1f images/s%n", stage,
          step + 1, first, smoothed, seconds / stepsSeen, stepsSeen * batch / seconds);
    }
  }

  /** Keeps the header and the rows of steps before {@code step}; written beside the file and moved over it. */
  private void dropRowsFrom(int step) throws IOException {
    if (!Files.exists(csv)) {
      return;
    }
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String row = lines.get(i);
      int comma = row.indexOf(',');
      if (i == 0 || comma > 0 && Integer.parseInt(row.substring(0, comma)) < step) {
        kept.add(row);
      }
    }
    if (kept.size() < lines.size()) {
      Path partial = csv.resolveSibling(csv.getFileName() + ".tmp");
      Files.write(partial, kept, StandardCharsets.UTF_8);
      Files.move(partial, csv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
  }
}
