package dev.crossnet.core.defaultmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import dev.crossnet.api.loss.LossProvider;
import dev.crossnet.api.plugin.PluginRegistry;
import dev.crossnet.api.progress.Cancellation;
import dev.crossnet.api.progress.ProgressListener;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.model.DiffusionModel;
import dev.crossnet.core.model.ImageWords;
import dev.crossnet.core.testing.TinyModelFolder;
import dev.crossnet.core.train.TrainingListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fitting image words to embeddings and phrases, on the tiny model. */
class ImageWordsFittingTest {

  private static final PluginRegistry<LossProvider> LOSSES = PluginRegistry.discover(LossProvider.class, "loss", "");
  private static final List<String> PHRASES = List.of("red robot", "blue dog waving", "cat");

  /** Embeddings scattered about one centre per phrase. */
  private static ImageWordsFitting.Pairs pairs(int perPhrase, int width, long seed) {
    SplittableRandom centres = new SplittableRandom(1);
    float[][] centre = new float[PHRASES.size()][width];
    for (float[] c : centre) {
      for (int j = 0; j < width; j++) {
        c[j] = (float) (centres.nextGaussian() * 2);
      }
    }
    SplittableRandom r = new SplittableRandom(seed);
    float[][] embeddings = new float[perPhrase * PHRASES.size()][];
    List<String> phrases = new ArrayList<>();
    for (int i = 0; i < embeddings.length; i++) {
      int p = i % PHRASES.size();
      embeddings[i] = new float[width];
      for (int j = 0; j < width; j++) {
        embeddings[i][j] = centre[p][j] + (float) (r.nextGaussian() * 0.3);
      }
      phrases.add(PHRASES.get(p));
    }
    return new ImageWordsFitting.Pairs(embeddings, phrases);
  }

  /** Words of 4 slots reading embeddings of 8 for the model's rows. */
  private static ImageWords.Config config(DiffusionModel model) {
    return new ImageWords.Config(8, 32, 4, Math.toIntExact(model.textEncoder().tokenEmbeddings().getShape().get(1)),
        "a");
  }

  /** Fits at a learning rate of 3e-3 with no listener. */
  private static void fit(ImageWords words, ImageWordsFitting.Pairs pairs, DiffusionModel model, TrainingRun run,
      NDManager m) {
    ImageWordsFitting.fit(words, pairs, model, run, 3e-3, LOSSES, m, ProgressListener.NONE, TrainingListener.NONE,
        Cancellation.never());
  }

  @Test
  void fittedWordsGiveEachPhrasesRowsAndLengthOnHeldOutEmbeddingsDeterministically(@TempDir Path dir) {
    Path folder = TinyModelFolder.assembleWithAdapter(dir.resolve("m"), 3);
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      DiffusionModel model = DiffusionModel.load(folder, m);
      ImageWords.Config config = config(model);
      ImageWordsFitting.Pairs heldOut = pairs(10, 8, 99);
      float[][] results = new float[2][];
      for (int run = 0; run < 2; run++) {
        ImageWords words = ImageWords.initialise(config, 5, m);
        assertThat(ImageWordsFitting.agreement(words, heldOut, model, m)[1]).as("unfitted").isLessThan(0.5);
        fit(words, pairs(40, 8, 7), model, TrainingRun.of(400, 16, 3, Optional.empty(), 400), m);
        double[] read = ImageWordsFitting.agreement(words, heldOut, model, m);
        assertThat(read[0]).as("share of held-out embeddings given their phrase's length").isEqualTo(1.0);
        assertThat(read[1]).as("share of held-out tokens whose nearest row is the slot's").isEqualTo(1.0);
        results[run] = words.namedParameters().get("mlp.2.weight").toFloatArray();
      }
      assertThat(results[1]).as("same inputs and seed, same fit").containsExactly(results[0]);
    }
  }

  @Test
  void aFitStoppedAtACheckpointResumesToTheSameWeights(@TempDir Path dir) {
    Path folder = TinyModelFolder.assembleWithAdapter(dir.resolve("m"), 3);
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      DiffusionModel model = DiffusionModel.load(folder, m);
      ImageWords.Config config = config(model);
      ImageWordsFitting.Pairs pairs = pairs(20, 8, 7);
      ImageWords straight = ImageWords.initialise(config, 5, m);
      fit(straight, pairs, model, TrainingRun.of(60, 8, 3, Optional.of(dir.resolve("a")), 30), m);
      ImageWords first = ImageWords.initialise(config, 5, m);
      fit(first, pairs, model, TrainingRun.of(30, 8, 3, Optional.of(dir.resolve("b")), 30), m);
      // other starting weights: only the checkpoint can make this run end where the straight one did
      ImageWords resumed = ImageWords.initialise(config, 99, m);
      fit(resumed, pairs, model, TrainingRun.of(60, 8, 3, Optional.of(dir.resolve("b")), 30), m);
      straight.namedParameters().forEach((name, value) -> assertThat(resumed.namedParameters().get(name)
          .toFloatArray()).as(name).containsExactly(value.toFloatArray()));
    }
  }

  @Test
  void aPhraseLongerThanTheSlotsIsRefusedNamingTheFix(@TempDir Path dir) {
    Path folder = TinyModelFolder.assembleWithAdapter(dir.resolve("m"), 3);
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      DiffusionModel model = DiffusionModel.load(folder, m);
      ImageWords words = ImageWords.initialise(new ImageWords.Config(8, 16, 2,
          Math.toIntExact(model.textEncoder().tokenEmbeddings().getShape().get(1)), "a"), 5, m);
      assertThatThrownBy(() -> ImageWordsFitting.fit(words, pairs(2, 8, 7), model,
          TrainingRun.of(1, 2, 3, Optional.empty(), 1), 1e-3, LOSSES, m, ProgressListener.NONE,
          TrainingListener.NONE, Cancellation.never()))
          .hasMessageContaining("'blue dog waving' is 3 tokens")
          .hasMessageContaining("give more slots or shorter phrases");
    }
  }
}
