package dev.crossnet.examples.train;

import dev.crossnet.core.defaultmodel.DefaultModelConfig;
import dev.crossnet.core.figureworld.SceneOptions;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Which default model a program works on: the shipped 64x64 one, or v2 for scenes where figures are the main subject. */
public enum ModelGeneration {
  STANDARD("standard"),
  MAIN_SUBJECT("main-subject");

  private final String word;

  ModelGeneration(String word) {
    this.word = word;
  }

  /** Reads an option {@code standard|main-subject}: {@code @Option(converter = ModelGeneration.Word.class)}. */
  public static final class Word implements ITypeConverter<ModelGeneration> {
    @Override
    public ModelGeneration convert(String text) {
      String known = Arrays.stream(values()).map(g -> g.word).collect(Collectors.joining(", "));
      return Arrays.stream(values()).filter(g -> g.word.equals(text)).findFirst()
          .orElseThrow(() -> new TypeConversionException("expected one of " + known + " but was '" + text + "'"));
    }
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

  /** The word the command line uses: {@code standard} or {@code main-subject}. */
  @Override
  public String toString() {
    return word;
  }
}
