package dev.crossnet.core.defaultmodel;

import ai.djl.ndarray.NDManager;
import dev.crossnet.core.figureworld.CaptionVocabulary;
import dev.crossnet.core.figureworld.SceneOptions;
import dev.crossnet.core.figureworld.Split;
import dev.crossnet.core.model.vae.AutoencoderKL;
import java.nio.file.Path;

/** Tiny default-model parts for quick tests. */
final class TinyModels {

  static final DefaultModelConfig CONFIG = DefaultModelConfig.tiny();
  static final WordBpeVocabulary VOCABULARY = WordBpeVocabulary.learn(CaptionVocabulary.words());

  private TinyModels() {}

  static FigureWorldImages images(int count) {
    return FigureWorldImages.render(SceneOptions.defaults().withSize(CONFIG.imageSize(), CONFIG.imageSize())
        .withFigures(1, 2).withSplit(Split.TRAIN), count, 77);
  }

  static DiffusionNetworks networks(NDManager manager) {
    return DiffusionNetworks.initialise(CONFIG, VOCABULARY.vocabulary().size(), 5, manager);
  }

  static AutoencoderKL vae(NDManager manager) {
    return VaeTraining.initialise(CONFIG, 3, manager);
  }

  /** Exports a random tiny model into the folder. */
  static Path export(Path dir, NDManager manager) {
    DefaultModelExporter.export(dir, CONFIG, vae(manager), 0.5, networks(manager), VOCABULARY);
    return dir;
  }
}
