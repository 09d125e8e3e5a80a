package dev.crossnet.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's main job, run as a user runs it: in its own JVM, so that what libtorch writes to the process's
 * standard error is captured too. On processors NNPACK does not support it printed over a thousand lines.
 */
class MainJobConsoleTest {

  /** A terminal screen. */
  private static final int SCREEN_LINES = 24;

  @Test
  void theMainJobPrintsTheProgressBarAndItsResultAndLittleElse(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("edit.png");
    Path console = dir.resolve("console.txt");
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), CrossNetCli.class.getName(), "edit", "--out", out.toString())
        .redirectErrorStream(true).redirectOutput(console.toFile()).start();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the main job ends").isTrue();
    List<String> lines = lines(console);

    assertThat(process.exitValue()).as(String.join("\n", lines)).isZero();
    assertThat(out).exists();
    assertThat(lines).as("console lines").hasSizeLessThanOrEqualTo(SCREEN_LINES)
        .noneMatch(line -> line.contains("NNPACK"))
        .noneMatch(line -> line.contains("WARN") || line.contains("INFO"))
        .anyMatch(line -> line.startsWith("wrote " + out));
  }

  private static List<String> lines(Path console) throws IOException {
    // the progress bar redraws itself with carriage returns: one line on a screen
    return List.of(Files.readString(console, StandardCharsets.UTF_8).split("\n"));
  }
}
