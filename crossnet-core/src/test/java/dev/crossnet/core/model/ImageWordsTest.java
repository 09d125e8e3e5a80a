package dev.crossnet.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.testing.TinyModelFolder;
import dev.crossnet.core.weights.SafetensorsWriter;
import dev.crossnet.core.weights.WeightsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model folder's image words: loading, saving, the gates that choose the rows, and broken folders. */
class ImageWordsTest {

  /** Words of the tiny model's sizes (embedding 8, rows of the text encoder's width). */
  private static ImageWords.Config config(DiffusionModel model, int tokens) {
    return new ImageWords.Config(model.imageAdapter().orElseThrow().encoder().config().projectionDim(), 16, tokens,
        Math.toIntExact(model.textEncoder().tokenEmbeddings().getShape().get(1)), "a");
  }

  @Test
  void wordsSavedIntoAModelFolderLoadWithItAndGiveTheSameRows(@TempDir Path dir) {
    Path folder = TinyModelFolder.assembleWithAdapter(dir.resolve("m"), 3);
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      DiffusionModel before = DiffusionModel.load(folder, m);
      assertThat(before.imageWords()).isEmpty();
      ImageWords words = ImageWords.initialise(config(before, 3), 5, m);
      words.save(folder);
      DiffusionModel after = DiffusionModel.load(folder, m);
      assertThat(after.imageWords()).isPresent();
      NDArray embed = m.randomNormal(new Shape(1, words.config().embedDim()));
      assertThat(after.imageWords().get().forward(embed).toFloatArray())
          .containsExactly(words.forward(embed).toFloatArray());
      after.save(dir.resolve("copy"));
      assertThat(DiffusionModel.load(dir.resolve("copy"), m).imageWords()).as("saving the model keeps them")
          .isPresent();
    }
  }

  @Test
  void theRowsAreTheSlotsWhoseGateReachesOneHalfInOrder(@TempDir Path dir) {
    Path folder = TinyModelFolder.assembleWithAdapter(dir.resolve("m"), 3);
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      DiffusionModel model = DiffusionModel.load(folder, m);
      ImageWords words = ImageWords.initialise(config(model, 4), 5, m);
      int d = words.config().wordDim();
      Map<String, NDArray> p = words.namedParameters();
      NDArray w = p.get("mlp.2.weight");
      w.set(new float[Math.toIntExact(w.getShape().size())]);
      float[] bias = new float[4 * (d + 1)];
      float[] gates = {0.9f, 0.2f, 0.5f, 0.49f};
      for (int k = 0; k < 4; k++) {
        for (int j = 0; j < d; j++) {
          bias[k * (d + 1) + j] = k + 1;
        }
        bias[k * (d + 1) + d] = gates[k];
      }
      p.get("mlp.2.bias").set(bias);
      NDArray rows = words.rows(m.randomNormal(new Shape(1, words.config().embedDim())));
      assertThat(rows.getShape()).isEqualTo(new Shape(2, d));
      float[] flat = rows.toFloatArray();
      assertThat(flat[0]).as("the first slot's row").isEqualTo(1f);
      assertThat(flat[d]).as("the third slot's row (the second's gate is below one half)").isEqualTo(3f);

      bias = new float[4 * (d + 1)];
      bias[2 * (d + 1) + d] = 0.3f;
      bias[2 * (d + 1)] = 7f;
      p.get("mlp.2.bias").set(bias);
      NDArray none = words.rows(m.randomNormal(new Shape(1, words.config().embedDim())));
      assertThat(none.getShape()).as("no gate reaches one half: the highest one's slot").isEqualTo(new Shape(1, d));
      assertThat(none.toFloatArray()[0]).isEqualTo(7f);
    }
  }

  @Test
  void wordsWithoutTheImageEncoderTheyReadAreRefusedNamingTheFix(@TempDir Path dir) throws Exception {
    Path with = TinyModelFolder.assembleWithAdapter(dir.resolve("with"), 3);
    Path without = TinyModelFolder.assemble(dir.resolve("without"));
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      ImageWords.initialise(config(DiffusionModel.load(with, m), 2), 5, m).save(without);
      assertThatThrownBy(() -> DiffusionModel.load(without, m))
          .hasMessageContaining("has image_words/ but no image_encoder/")
          .hasMessageContaining("add the image adapter they were fitted with, or remove image_words/");
    }
  }

  @Test
  void wordsOfAnotherWidthOrWithAMissingTensorAreRefusedNamingFileAndTensor(@TempDir Path dir) throws Exception {
    Path folder = TinyModelFolder.assembleWithAdapter(dir.resolve("m"), 3);
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      DiffusionModel model = DiffusionModel.load(folder, m);
      ImageWords.Config right = config(model, 2);
      ImageWords.Config wide = new ImageWords.Config(right.embedDim(), 16, 2, right.wordDim() + 1, "a");
      ImageWords.initialise(wide, 5, m).save(folder);
      assertThatThrownBy(() -> DiffusionModel.load(folder, m)).isInstanceOf(WeightsException.class)
          .hasMessageContaining("config.json").hasMessageContaining("word_dim " + (right.wordDim() + 1));

      ImageWords words = ImageWords.initialise(right, 5, m);
      words.save(folder);
      Map<String, NDArray> partial = new LinkedHashMap<>(words.namedParameters());
      partial.remove("mlp.2.bias");
      Path file = folder.resolve(ImageWords.FOLDER).resolve(ImageWords.FILE);
      SafetensorsWriter.write(file, partial);
      assertThatThrownBy(() -> DiffusionModel.load(folder, m)).isInstanceOf(WeightsException.class)
          .hasMessageContaining("mlp.2.bias");
      Files.delete(file);
      assertThatThrownBy(() -> DiffusionModel.load(folder, m)).hasMessageContaining("has no model.safetensors");
    }
  }

  @Test
  void aConfigOfNoSlotsIsRefused() {
    assertThatThrownBy(() -> new ImageWords.Config(8, 16, 0, 8, "a")).hasMessageContaining("tokens 0");
  }
}
