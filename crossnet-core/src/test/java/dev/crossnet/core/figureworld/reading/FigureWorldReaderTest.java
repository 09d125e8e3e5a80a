package dev.crossnet.core.figureworld.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import dev.crossnet.api.plugin.PluginRegistry;
import dev.crossnet.api.reading.OccupantReading;
import dev.crossnet.api.reading.ReadModel;
import dev.crossnet.api.reading.ReaderProvider;
import dev.crossnet.api.reading.SceneReader;
import dev.crossnet.api.reading.SubjectReading;
import dev.crossnet.api.subject.Subject;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.figureworld.Colour;
import dev.crossnet.core.figureworld.FigureKind;
import dev.crossnet.core.figureworld.FigureTruth;
import dev.crossnet.core.figureworld.Scene;
import dev.crossnet.core.figureworld.SceneGenerator;
import dev.crossnet.core.figureworld.SceneOptions;
import dev.crossnet.core.model.DefaultModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The figureworld reader plugin: which models it reads, what it answers, and that it frees its judge. */
class FigureWorldReaderTest {

  @TempDir Path dir;

  @Test
  void itIsFoundOnTheClassPathAndReadsTheFigureWorldModelsOnly() {
    ReaderProvider provider = PluginRegistry.discover(ReaderProvider.class, "reader", "")
        .get(FigureWorldReaderProvider.NAME);
    assertThat(provider.reads(new ReadModel(Optional.empty(), true))).isTrue();
    assertThat(provider.reads(ReadModel.at(DefaultModel.folder(DefaultModel.MAIN_SUBJECT)))).isTrue();
    assertThat(provider.reads(ReadModel.at(dir))).isFalse();
  }

  @Test
  void itReadsOccupantsAndSubjectsInFigureWorldsWordsAndFreesItsJudgeOnClose() {
    Scene scene = new SceneGenerator(SceneOptions.defaults().withFigures(1, 1)).generate(3);
    FigureTruth figure = scene.figures().get(0);
    try (NDManager manager = OfflineEngine.get().newBaseManager()) {
      int before = manager.getManagedArrays().size();
      SceneReader reader = new FigureWorldReaderProvider().open(new ReadModel(Optional.empty(), true), manager);
      OccupantReading occupant = reader.occupants(scene.picture(), List.of(figure.mask())).get(0);
      SubjectReading dog = reader.subject(Subject.of("<it>",
          FigureWorldJudgeEncoderTest.figure(FigureKind.DOG, Colour.RED, false)));

      assertThat(reader.actionWords()).contains(occupant.action());
      assertThat(occupant.skeleton()).isEqualTo(FigureKind.ofNoun(occupant.kind()).skeleton());
      assertThat(dog.kind()).isEqualTo("dog");
      assertThat(dog.skeleton()).isEqualTo("four-legged");
      assertThat(dog.leadingWords()).isEqualTo("a");
      assertThat(dog.words()).hasSize(3);
      assertThat(dog.words().get(1).mixture()).containsKey("red");
      assertThat(dog.words().get(1).mixture().get("red")).isGreaterThan(0.5);
      OccupantReading waving = new OccupantReading("robot", "waving", 1, "small", 0.38, "humanoid");
      assertThat(reader.actionFor(dog, waving)).isEqualTo("standing");
      assertThat(manager.getManagedArrays().size()).isGreaterThan(before);

      reader.close();
      assertThat(manager.getManagedArrays().size()).as("the judge's arrays are freed").isEqualTo(before);
      assertThatThrownBy(() -> reader.subject(Subject.of("<it>",
          FigureWorldJudgeEncoderTest.figure(FigureKind.DOG, Colour.RED, false))))
          .hasMessageContaining("closed");
    }
  }
}
