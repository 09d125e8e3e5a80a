package dev.crossnet.examples.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.model.DefaultModel;
import dev.crossnet.core.model.DiffusionModel;
import dev.crossnet.core.model.ImageWords;
import dev.crossnet.examples.cli.CommandLines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainImageWordsTest {

  @TempDir Path dir;

  @Test
  void aShortFitWritesImageWordsThatLoadWithTheModelAndARunAgainWritesTheSameBytes() throws Exception {
    Path work = dir.resolve("work");
    Path model = dir.resolve("model");
    try (Stream<Path> files = Files.walk(DefaultModel.folder(DefaultModel.STANDARD))) {
      Path from = DefaultModel.folder(DefaultModel.STANDARD);
      for (Path p : files.toList()) {
        Path to = model.resolve(from.relativize(p).toString());
        if (p.toString().contains(ImageWords.FOLDER)) {
          continue;   // the built-in model's own words: the fit writes new ones
        }
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    String[] args = {"--model", model.toString(), "--work", work.toString(), "--scenes", "24", "--held-out", "8",
        "--steps", "10", "--batch", "8", "--checkpoint-every", "5", "--export", model.toString()};
    assertThat(CommandLines.execute(new TrainImageWords(), args)).isZero();
    assertThat(work.resolve("checkpoints")).isDirectory();
    byte[] first = Files.readAllBytes(model.resolve(ImageWords.FOLDER).resolve(ImageWords.FILE));
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      assertThat(DiffusionModel.load(model, m).imageWords()).isPresent();
    }
    assertThat(CommandLines.execute(new TrainImageWords(), args)).as("run again, from its checkpoints").isZero();
    assertThat(Files.readAllBytes(model.resolve(ImageWords.FOLDER).resolve(ImageWords.FILE)))
        .as("the same words from the checkpoint").isEqualTo(first);
  }
}
