package dev.crossnet.examples.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossnet.examples.cli.CommandLines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A short benchmark run on the embedded default model writes each case's judged agreement, per edit seed. */
class EditBenchmarkCasesTest {

  private static List<String> run(Path out, String editSeed) throws Exception {
    // from pure forward noise rather than the (deterministic) DDIM inversion, so that the edit seed's noise shows
    int code = CommandLines.execute(new EditBenchmark(), "--scenes", "2", "--size", "32", "--steps", "4",
        "--strength", "1", "--only", "CrossNet (full)", "--edit-options", "branch.motion.mode=noise",
        "--edit-seed", editSeed, "--out", out.toString());
    assertThat(code).isZero();
    return Files.readAllLines(out.resolve("cases.csv"));
  }

  private static byte[] firstEdit(Path out, List<String> cases) throws Exception {
    return Files.readAllBytes(out.resolve("scene-" + cases.get(1).split(",")[0]).resolve("CrossNet_full_.png"));
  }

  @Test
  void everyCaseIsWrittenAndTheEditSeedChangesOnlyTheNoise(@TempDir Path dir) throws Exception {
    List<String> first = run(dir.resolve("a"), "3");
    List<String> again = run(dir.resolve("b"), "3");
    List<String> other = run(dir.resolve("c"), "4");

    assertThat(first.get(0)).isEqualTo("scene,method,pairing,look,kind,colour,hat,size,pose");
    assertThat(first.subList(1, first.size())).hasSize(2).allSatisfy(line ->
        assertThat(line).matches("\\d+,CrossNet \\(full\\),[A-Z_]+(,[01]){6}"));
    assertThat(again).as("the same seeds, the same cases").isEqualTo(first);
    assertThat(other).extracting(line -> line.split(",")[0]).as("the same scenes")
        .isEqualTo(first.stream().map(line -> line.split(",")[0]).toList());
    assertThat(firstEdit(dir.resolve("b"), first)).isEqualTo(firstEdit(dir.resolve("a"), first));
    assertThat(firstEdit(dir.resolve("c"), first)).as("other noise").isNotEqualTo(firstEdit(dir.resolve("a"), first));
  }
}
