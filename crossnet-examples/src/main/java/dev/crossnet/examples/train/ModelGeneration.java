package dev.crossnet.examples.train;

import dev.crossnet.core.defaultmodel.DefaultModelConfig;
import dev.crossnet.core.figureworld.SceneOptions;
import dev.crossnet.examples.cli.Options;

/** Which default model a program works on: the shipped 64x64 one, or v2 for scenes where figures are the main subject. */
public enum ModelGeneration {
  STANDARD("standard"),
  MAIN_SUBJECT("main-subject");

  private final String word;

  ModelGeneration(String word) {
    this.word = word;
  }

  /** The option {@code --<name> standard|main-subject}. */
  public static ModelGeneration option(Options o, String name, ModelGeneration defaultValue) {
    String chosen = o.choice(name, defaultValue.word, STANDARD.word, MAIN_SUBJECT.word);
    return chosen.equals(MAIN_SUBJECT.word) ? MAIN_SUBJECT : STANDARD;
  }

  /** The option value that names this generation. */
  public String word() {
    return word;
  }

  public DefaultModelConfig config() {
    return this == MAIN_SUBJECT ? DefaultModelConfig.mainSubject() : DefaultModelConfig.standard();
  }

  /** The scenes of this model, at its picture size, either split. */
  public SceneOptions scenes() {
    SceneOptions s = this == MAIN_SUBJECT ? SceneOptions.mainSubject() : SceneOptions.defaults();
    return s.withSize(config().imageSize(), config().imageSize());
  }
}
