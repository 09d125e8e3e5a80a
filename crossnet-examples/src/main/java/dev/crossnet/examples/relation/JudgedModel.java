package dev.crossnet.examples.relation;

import dev.crossnet.core.model.DefaultModel;
import dev.crossnet.examples.cli.ModelArgument;
import dev.crossnet.examples.train.ModelGeneration;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The model a relation or count benchmark draws with, the FigureWorld scenes it draws from, and the judge that reads
 * the drawings ({@code @Mixin JudgedModel drawn;}).
 */
public final class JudgedModel {

  @Option(names = "--model", paramLabel = "MODEL", description = ModelArgument.DESCRIPTION)
  Optional<Path> model = Optional.empty();

  @Option(names = "--world", paramLabel = "WORLD", defaultValue = "standard", converter = ModelGeneration.Word.class,
      description = "Standard FigureWorld scenes or main-subject ones (for figureworld-v2) (default: ${DEFAULT-VALUE}).")
  ModelGeneration generation;

  @Option(names = "--judge", paramLabel = "JUDGE", defaultValue = "bundled",
      description = "The judge: bundled or a judge folder (default: ${DEFAULT-VALUE}).")
  String judgeName;

  /** The model's folder: {@code --model} resolved (a built-in name or a folder), else the embedded default. */
  Path folder() {
    return model.map(ModelArgument::folder).orElseGet(DefaultModel::folder);
  }
}
