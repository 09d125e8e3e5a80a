package dev.crossnet.core.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.figureworld.Scene;
import dev.crossnet.core.figureworld.SceneGenerator;
import dev.crossnet.core.figureworld.SceneOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JudgeFolderTest {

  private static final List<JudgeHead> HEADS = List.of(
      new JudgeHead("kind", List.of("a", "b", "c")),
      new JudgeHead("side", List.of("left", "right")));

  @TempDir
  Path dir;
  private NDManager manager;

  @BeforeEach
  void open() {
    manager = OfflineEngine.get().newBaseManager();
  }

  @AfterEach
  void close() {
    manager.close();
  }

  private Judge freshJudge(List<JudgeHead> heads, long seed) {
    int outputs = heads.stream().mapToInt(h -> h.classes().size()).sum();
    NDManager own = manager.newSubManager();
    return new Judge(heads, JudgeNetwork.initialise(outputs, seed, own), own);
  }

  @Test
  void aSavedJudgeReadsExactlyAsBefore() {
    Scene scene = new SceneGenerator(SceneOptions.defaults().withFigures(2, 2)).generate(9);
    var focus = FocusMasks.around(scene.figures().get(0).mask(), 2);
    try (Judge original = freshJudge(HEADS, 4)) {
      original.save(dir);
      try (Judge loaded = Judge.load(dir, manager)) {
        assertThat(loaded.heads()).isEqualTo(HEADS);
        assertThat(loaded.read(scene.picture(), focus)).isEqualTo(original.read(scene.picture(), focus));
      }
    }
  }

  @Test
  void savingLeavesJustTheTwoFiles() throws Exception {
    try (Judge judge = freshJudge(HEADS, 4)) {
      judge.save(dir);
    }

    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(JudgeFolder.CONFIG,
          JudgeFolder.WEIGHTS);
    }
  }

  @Test
  void aMissingFolderIsNamed() {
    Path missing = dir.resolve("nothing-here");

    assertThatThrownBy(() -> Judge.load(missing, manager))
        .isInstanceOf(JudgeFolderException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("is not a judge folder");
  }

  @Test
  void aFolderWithoutWeightsIsIncomplete() throws Exception {
    try (Judge judge = freshJudge(HEADS, 4)) {
      judge.save(dir);
    }
    Files.delete(dir.resolve(JudgeFolder.WEIGHTS));

    assertThatThrownBy(() -> Judge.load(dir, manager))
        .isInstanceOf(JudgeFolderException.class)
        .hasMessageContaining("no " + JudgeFolder.WEIGHTS);
  }

  @Test
  void anotherNetworkVersionIsRefusedWithTheFix() throws Exception {
    try (Judge judge = freshJudge(HEADS, 4)) {
      judge.save(dir);
    }
    Path config = dir.resolve(JudgeFolder.CONFIG);
    Files.writeString(config, Files.readString(config).replace(JudgeNetwork.VERSION, "conv0-v0"));

    assertThatThrownBy(() -> Judge.load(dir, manager))
        .isInstanceOf(JudgeFolderException.class)
        .hasMessageContaining("'conv0-v0'")
        .hasMessageContaining("retrain");
  }

  @Test
  void weightsOfAJudgeWithOtherHeadsDoNotFit() throws Exception {
    try (Judge judge = freshJudge(HEADS, 4)) {
      judge.save(dir);
    }
    Path other = Files.createDirectory(dir.resolve("other"));
    try (Judge judge = freshJudge(List.of(new JudgeHead("colour", List.of("red", "green"))), 4)) {
      judge.save(other);
    }
    Files.copy(other.resolve(JudgeFolder.WEIGHTS), dir.resolve(JudgeFolder.WEIGHTS),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    assertThatThrownBy(() -> Judge.load(dir, manager))
        .isInstanceOf(JudgeFolderException.class)
        .hasMessageContaining("do not fit the config");
  }

  @Test
  void aMissingResourceNamesThePath() {
    assertThatThrownBy(() -> Judge.loadResource("/dev/crossnet/no-such-judge", manager))
        .isInstanceOf(JudgeFolderException.class)
        .hasMessageContaining("/dev/crossnet/no-such-judge/" + JudgeFolder.CONFIG);
  }
}
