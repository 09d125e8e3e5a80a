package dev.crossnet.core.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.api.plugin.PluginRegistry;
import dev.crossnet.api.progress.Cancellation;
import dev.crossnet.api.progress.ProgressListener;
import dev.crossnet.api.sampler.SamplerProvider;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.model.DiffusionModel;
import dev.crossnet.core.pipeline.VaeCodec;
import dev.crossnet.core.testing.TinyModelFolder;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Textual inversion through the trainer, and the learned rows' file. */
class TextualInversionTest {

  @TempDir static Path dir;
  private static NDManager manager;
  private static DiffusionModel model;
  private static TextualInversion inversion;

  @BeforeAll
  static void setUp() {
    manager = OfflineEngine.get().newBaseManager();
    model = DiffusionModel.load(TinyModelFolder.assemble(dir.resolve("model")), manager);
    inversion = new TextualInversion(model, new VaeCodec(model.vae().orElseThrow()),
        PluginRegistry.discover(SamplerProvider.class, "sampler", "").get("ddim").create(model.schedulerConfig()));
  }

  @AfterAll
  static void tearDown() {
    if (manager != null) {
      manager.close();
    }
  }

  @Test
  void learningLowersTheSubjectsReconstructionLoss() {
    TextualInversion.Settings settings = new TextualInversion.Settings(6, 0.05, 1, "object", "a photo of {}", 3);
    try (NDManager m = manager.newSubManager()) {
      TextualInversion.Result r = inversion.learn(TinyEdits.redThing(), 32, 32, settings, ProgressListener.NONE,
          Cancellation.never(), m);
      assertThat(r.lossAfter()).isLessThan(r.lossBefore());
      assertThat(r.rows().getShape().getShape()).containsExactly(1, model.textEncoder().config().hiddenSize());
    }
  }

  @Test
  void givenStartingRowsSetTheTokenCountAndAreLeftUnchanged() {
    TextualInversion.Settings settings = new TextualInversion.Settings(2, 0.05, 1, "object", "a photo of {}", 3);
    try (NDManager m = manager.newSubManager()) {
      long width = model.textEncoder().config().hiddenSize();
      NDArray start = m.randomNormal(0, 0.02f, new Shape(2, width), DataType.FLOAT32);
      float[] before = start.toFloatArray();
      TextualInversion.Result r = inversion.learn(TinyEdits.redThing(), 32, 32, settings, Optional.of(start),
          ProgressListener.NONE, Cancellation.never(), m);
      assertThat(r.rows().getShape().getShape()).containsExactly(2, width);
      assertThat(start.toFloatArray()).containsExactly(before);
      assertThat(r.rows().toFloatArray()).isNotEqualTo(before);
    }
  }

  @Test
  void shiftedAndMirroredPicturesTrainOtherRowsAndStillLowerTheLoss() {
    TextualInversion.Settings plain = new TextualInversion.Settings(6, 0.05, 1, "object", "a photo of {}", 3);
    TextualInversion.Settings moved = new TextualInversion.Settings(6, 0.05, 1, "object", "a photo of {}", 3,
        new ShiftAugmentation(2, true));
    try (NDManager m = manager.newSubManager()) {
      TextualInversion.Result a = inversion.learn(TinyEdits.redThing(), 32, 32, plain, ProgressListener.NONE,
          Cancellation.never(), m);
      TextualInversion.Result b = inversion.learn(TinyEdits.redThing(), 32, 32, moved, ProgressListener.NONE,
          Cancellation.never(), m);
      assertThat(b.lossAfter()).isLessThan(b.lossBefore());
      assertThat(b.rows().toFloatArray()).isNotEqualTo(a.rows().toFloatArray());
    }
  }

  @Test
  void severalTokensGiveOneRowEach() {
    TextualInversion.Settings settings = new TextualInversion.Settings(1, 0.01, 3, "object", "a photo of {}", 3);
    try (NDManager m = manager.newSubManager()) {
      TextualInversion.Result r = inversion.learn(TinyEdits.redThing(), 32, 32, settings, ProgressListener.NONE,
          Cancellation.never(), m);
      assertThat(r.rows().getShape().get(0)).isEqualTo(3);
    }
  }

  @Test
  void learnedRowsRoundTripThroughTheirFile() {
    try (NDManager m = manager.newSubManager()) {
      NDArray rows = m.randomNormal(new ai.djl.ndarray.types.Shape(2, 32));
      Path file = dir.resolve("out").resolve("thing.safetensors");
      EmbeddingFile.save(file, "<thing>", rows, "a");
      NDArray back = EmbeddingFile.load(file, "<thing>", 32, m);
      assertThat(back.toFloatArray()).containsExactly(rows.toFloatArray());
      assertThat(EmbeddingFile.leadingWords(file)).isEqualTo("a");
      Path plain = dir.resolve("plain.safetensors");
      EmbeddingFile.save(plain, "<thing>", rows);
      assertThat(EmbeddingFile.leadingWords(plain)).isEmpty();
    }
  }

  @Test
  void theWordsRowsFollowAreTheDeterminerRightBeforeTheTemplatesWord() {
    assertThat(settings("a {}").leadingWords()).isEqualTo("a");
    assertThat(settings("two {} waving").leadingWords()).isEqualTo("two");
    assertThat(settings("a photo of {}").leadingWords()).isEmpty();
    assertThat(settings("{} standing").leadingWords()).isEmpty();
  }

  private static TextualInversion.Settings settings(String template) {
    return new TextualInversion.Settings(1, 0.01, 1, "object", template, 1);
  }

  @Test
  void aFileLearnedForAnotherModelWidthIsRefused() {
    try (NDManager m = manager.newSubManager()) {
      Path file = dir.resolve("wide.safetensors");
      EmbeddingFile.save(file, "<thing>", m.zeros(new ai.djl.ndarray.types.Shape(1, 768)));
      assertThatThrownBy(() -> EmbeddingFile.load(file, "<thing>", 32, m))
          .hasMessageContaining("768").hasMessageContaining("32 wide");
    }
  }
}
