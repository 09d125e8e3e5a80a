package dev.crossnet.examples.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossnet.examples.cli.CommandLines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a finished benchmark's pictures again with the same judge gives the benchmark's own columns. */
class RescoreEditBenchmarkTest {

  @Test
  void theSameJudgeReadsTheSameAgreementsAgain(@TempDir Path dir) throws Exception {
    Path bench = dir.resolve("bench");
    assertThat(CommandLines.execute(new EditBenchmark(), "--scenes", "3", "--size", "32", "--steps", "3",
        "--only", "CrossNet (full)", "--out", bench.toString())).isZero();
    List<String> cases = Files.readAllLines(bench.resolve("cases.csv")).subList(1, 4);
    double look = cases.stream().mapToInt(line -> Integer.parseInt(line.split(",")[3])).sum() / 3.0;
    double pose = cases.stream().mapToInt(line -> Integer.parseInt(line.split(",")[8])).sum() / 3.0;

    Path md = dir.resolve("again.md");
    assertThat(CommandLines.execute(new RescoreEditBenchmark(), "--benchmark", bench.toString(), "--size", "32",
        "--markdown", md.toString())).isZero();
    String table = Files.readString(md);
    assertThat(table).contains(String.format(Locale.ROOT, "| CrossNet_full_ | %.0f %% |", 100 * look))
        .contains(String.format(Locale.ROOT, "%.0f %% |%n", 100 * pose))
        .contains("| ideal-through-the-model |").contains("The judge reads the ideal edit's figure");
    List<String> again = Files.readAllLines(dir.resolve("again-cases.csv"));
    assertThat(again).hasSize(1 + 3 * 3).as("the full row's cases, read again")
        .containsAll(cases.stream().map(line -> line.replace("CrossNet (full)", "CrossNet_full_")).toList());
    assertThat(Files.readString(bench.resolve("edit-benchmark.md")))
        .as("the benchmark itself says how often the judge reads the ideals right")
        .contains("The judge reads the ideal edit's figure as the scene truly has it in");

    assertThatThrownBy(() -> RescoreEditBenchmark.sceneFolders(dir.resolve("none")))
        .hasMessageContaining("not a folder");
    assertThat(CommandLines.execute(new RescoreEditBenchmark(), "--benchmark", bench.toString(), "--size", "64",
        "--markdown", md.toString())).as("another world's scenes").isNotZero();
  }
}
