package dev.crossnet.examples.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader check's reading of a benchmark's cases and its tally. */
class ReaderCheckTest {

  @TempDir Path dir;

  @Test
  void thePoseColumnOfTheFirstMethodIsReadBySceneSeed() throws IOException {
    Path cases = Files.writeString(dir.resolve("cases.csv"), """
        scene,method,pairing,look,kind,colour,hat,size,pose
        4,CrossNet (full),SAME_KIND,1,1,1,1,1,0
        4,SDEdit,SAME_KIND,0,0,0,1,1,1
        9,CrossNet (full),UNLIKE_SKELETON,0,1,0,1,1,1
        """);

    assertThat(ReaderCheck.poseColumn(cases)).containsExactlyInAnyOrderEntriesOf(Map.of(4L, false, 9L, true));
  }

  @Test
  void aFileThatIsNotABenchmarksCasesIsRefusedByName() throws IOException {
    Path other = Files.writeString(dir.resolve("losses.csv"), "step,loss\n1,0.5\n");

    assertThatThrownBy(() -> ReaderCheck.poseColumn(other)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("losses.csv").hasMessageContaining("cases.csv");
  }

  @Test
  void theTallySplitsTheEditsPoseByTheActionsReading() {
    ReaderCheck.Tally t = new ReaderCheck.Tally();
    t.add(true, true, true, Optional.of(true));
    t.add(false, true, false, Optional.of(false));
    t.add(false, false, false, Optional.of(true));
    t.add(true, true, true, Optional.empty());

    assertThat(t.report()).isEqualTo("4 cases: occupant's kind read right 2, its skeleton 3, the action asked of "
        + "the subject 2; the edit kept the pose in 1 of 1 cases whose action was read right and in 1 of 2 read "
        + "wrong");
  }
}
