package dev.crossnet.core.defaultmodel;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.crossnet.api.subject.Subject;
import dev.crossnet.core.edit.encoder.ImageWordsEncoder;
import dev.crossnet.core.edit.encoder.SubjectEncoder;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.figureworld.Figure;
import dev.crossnet.core.figureworld.FigureTruth;
import dev.crossnet.core.figureworld.Scene;
import dev.crossnet.core.figureworld.SceneGenerator;
import dev.crossnet.core.figureworld.SceneOptions;
import dev.crossnet.core.figureworld.Split;
import dev.crossnet.core.model.DefaultModel;
import dev.crossnet.core.model.DiffusionModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The built-in models' image words read held-out figures' looks as their caption words. */
class ShippedImageWordsTest {

  @TempDir Path cache;

  @ParameterizedTest
  @ValueSource(strings = {DefaultModel.STANDARD, DefaultModel.MAIN_SUBJECT_INPAINTING})
  void theRowsOfAHeldOutFiguresPictureAreNearestItsColourAndKindWords(String name) {
    SceneOptions options = (name.equals(DefaultModel.STANDARD) ? SceneOptions.defaults()
        : SceneOptions.mainSubject()).withSplit(Split.HELD_OUT);
    SceneGenerator generator = new SceneGenerator(options);
    int figures = 0;
    int colours = 0;
    int kinds = 0;
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      DiffusionModel model = DiffusionModel.load(DefaultModel.folder(name, cache), m);
      assertThat(model.imageWords()).as("its image words").isPresent();
      NDArray table = model.textEncoder().tokenEmbeddings().duplicate();
      table.attach(m);
      NDArray unit = table.div(table.norm(new int[] {1}, true));
      for (long seed = 70_000; figures < 20; seed++) {
        Scene scene = generator.generate(seed);
        FigureTruth truth = scene.figures().get(0);
        if (truth.visiblePixels() < 80) {
          continue;
        }
        figures++;
        Figure f = truth.figure();
        SubjectEncoder.Encoding e = new ImageWordsEncoder().encode(
            Subject.of("<s>", scene.picture()).withMasks(truth.mask()), model, m);
        long[] nearest = e.rows().matMul(unit.transpose()).argMax(1).toType(DataType.INT64, false).toLongArray();
        List<String> words = new ArrayList<>();
        for (long id : nearest) {
          words.add(model.tokenizer().decode(new int[] {(int) id}).trim());
        }
        colours += words.contains(f.appearance().colour().word()) ? 1 : 0;
        kinds += words.contains(f.kind().noun()) ? 1 : 0;
      }
    }
    assertThat(colours).as("figures of 20 whose colour word is among the rows' nearest words")
        .isGreaterThanOrEqualTo(16);
    assertThat(kinds).as("figures of 20 whose kind word is among the rows' nearest words")
        .isGreaterThanOrEqualTo(16);
  }
}
