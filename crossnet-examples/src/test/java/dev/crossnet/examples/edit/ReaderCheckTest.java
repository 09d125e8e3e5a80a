package dev.crossnet.examples.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossnet.api.reading.SubjectReading;
import dev.crossnet.api.reading.WordSlot;
import dev.crossnet.core.figureworld.Appearance;
import dev.crossnet.core.figureworld.Colour;
import dev.crossnet.core.figureworld.Figure;
import dev.crossnet.core.figureworld.FigureKind;
import dev.crossnet.core.figureworld.Pose;
import dev.crossnet.core.figureworld.Size;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader check's reading of a benchmark's cases and its tally. */
class ReaderCheckTest {

  @TempDir Path dir;

  @Test
  void thePoseAndLookColumnsOfTheFirstMethodAreReadBySceneSeed() throws IOException {
    Path cases = Files.writeString(dir.resolve("cases.csv"), """
        scene,method,pairing,look,kind,colour,hat,size,pose
        4,CrossNet (full),SAME_KIND,1,1,1,1,1,0
        4,SDEdit,SAME_KIND,0,0,0,1,1,1
        9,CrossNet (full),UNLIKE_SKELETON,0,1,0,1,1,1
        """);

    assertThat(ReaderCheck.column(cases, "pose")).containsExactlyInAnyOrderEntriesOf(Map.of(4L, false, 9L, true));
    assertThat(ReaderCheck.column(cases, "look")).containsExactlyInAnyOrderEntriesOf(Map.of(4L, true, 9L, false));
  }

  @Test
  void aFileThatIsNotABenchmarksCasesIsRefusedByName() throws IOException {
    Path other = Files.writeString(dir.resolve("losses.csv"), "step,loss\n1,0.5\n");

    assertThatThrownBy(() -> ReaderCheck.column(other, "pose")).isInstanceOf(IllegalArgumentException.class)
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
        + "wrong\nsubject's kind read right 0, its colour 0, its whole look (size, colour, kind, hat) 0");
  }

  @Test
  void theTallySplitsTheEditsLookByTheSubjectsReading() {
    ReaderCheck.Tally t = new ReaderCheck.Tally();
    t.addSubject(new ReaderCheck.LookWordsRead(true, true, true, true), Optional.of(true));
    t.addSubject(new ReaderCheck.LookWordsRead(true, false, true, true), Optional.of(false));
    t.addSubject(new ReaderCheck.LookWordsRead(true, true, false, true), Optional.of(true));

    assertThat(t.report()).endsWith("subject's kind read right 2, its colour 2, its whole look (size, colour, kind, "
        + "hat) 1; the edit kept the look in 1 of 1 cases whose subject was read right and in 1 of 2 read wrong");
  }

  @Test
  void theSubjectsWordsAreComparedSlotBySlotWithTheIdealFigure() {
    Figure truth = new Figure(FigureKind.DOG, new Appearance(Colour.RED, true, Size.SMALL), Pose.STANDING);
    SubjectReading reading = new SubjectReading("dog", "small", 1.0, "quadruped", List.of(
        WordSlot.mixture(Map.of("small", 0.7, "large", 0.3)), WordSlot.mixture(Map.of("red", 0.4, "blue", 0.6)),
        WordSlot.mixture(Map.of("dog", 0.9, "cat", 0.1))), "a", "");

    assertThat(ReaderCheck.LookWordsRead.compare(reading, truth))
        .isEqualTo(new ReaderCheck.LookWordsRead(true, false, true, false));
  }
}
