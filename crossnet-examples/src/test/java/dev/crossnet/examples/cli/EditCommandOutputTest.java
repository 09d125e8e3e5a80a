package dev.crossnet.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crossnet edit} refuses an output it could not write before any model work starts. */
class EditCommandOutputTest {

  @TempDir Path dir;

  private static CliRun edit(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "edit";
    System.arraycopy(args, 0, all, 1, args.length);
    return CliRun.of(all);
  }

  @Test
  void anOutputInsideAFileFailsAtOnceNamingTheFolder() throws IOException {
    Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
    long start = System.nanoTime();
    CliRun run = edit("--out", file.resolve("edit.png").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("cannot create the output folder").contains(file.toString());
    assertThat((System.nanoTime() - start) / 1e9).as("seconds before the refusal").isLessThan(5);
  }

  @Test
  void aLossyOutputNameIsAUsageErrorNamingThePngToUse() {
    CliRun run = edit("--out", dir.resolve("edit.jpg").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("edit.jpg").contains("edit.png");
  }

  @Test
  void aMissingBedrockIsNamed() {
    Path missing = dir.resolve("missing.png");
    CliRun run = edit("--bedrock", missing.toString(), "--region", "1,1,4,4", "--subject", missing.toString(),
        "--out", dir.resolve("edit.png").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains(missing.toString()).contains("does not exist");
  }

  @Test
  void aMemoryLimitIsReadAsASizeAndNonsenseIsAUsageError() {
    assertThat(EditCommand.bytes("24g")).isEqualTo(24L << 30);
    assertThat(EditCommand.bytes("512MiB")).isEqualTo(512L << 20);
    assertThat(EditCommand.bytes("1000")).isEqualTo(1000L);
    CliRun run = edit("--memory-limit", "lots", "--out", dir.resolve("edit.png").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--memory-limit").contains("'lots'");
  }
}
