package dev.crossnet.examples.relation;

import ai.djl.ndarray.NDManager;
import dev.crossnet.api.image.Picture;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.figureworld.RelationType;
import dev.crossnet.core.model.DefaultModel;
import dev.crossnet.core.model.DiffusionModel;
import dev.crossnet.core.pipeline.TextToImageRequest;
import dev.crossnet.core.relation.DiffusionParts;
import dev.crossnet.core.relation.Exemplar;
import dev.crossnet.core.relation.LearnedToken;
import dev.crossnet.core.relation.LearnedTokenPromptEncoder;
import dev.crossnet.core.relation.PartOfSpeechSets;
import dev.crossnet.core.relation.RelationExemplars;
import dev.crossnet.core.relation.RelationInversion;
import dev.crossnet.core.relation.WordNetLexicon;
import dev.crossnet.core.text.ClipTokenizer;
import dev.crossnet.examples.cli.Choices;
import dev.crossnet.examples.cli.CommandLines;
import dev.crossnet.examples.cli.HelpOption;
import dev.crossnet.examples.cli.ModelArgument;
import dev.crossnet.examples.train.ModelGeneration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Learns a relation token from FigureWorld exemplars (ReVersion) and draws new prompts with it. Writes the
 * exemplars ({@code exemplar-N.png}, {@code exemplars.txt}), the token ({@code relation.safetensors}), the
 * loss curve ({@code losses.tsv}: step, reconstruction, pos-contrastive, total) and {@code generated-N.png}.
 *
 * <pre>java -cp 'crossnet-examples/target/crossnet-examples.jar:crossnet-examples/target/lib/*' \
 *   dev.crossnet.examples.relation.LearnRelation [--model DIR] --out /tmp/relation \
 *   [--relation HOLDING_HANDS] [--exemplars 8] [--steps 300] [--size 64]
 *   [--prompt "a small red person &lt;R&gt; a small blue robot"] [--words figureworld|wordnet] [--samples 4]
 *   [--sampling-steps 25]</pre>
 */
@Command(name = "LearnRelation", sortOptions = false, sortSynopsis = false,
    description = "Learns a relation token from FigureWorld exemplars (ReVersion) and draws new prompts with it.")
public final class LearnRelation implements Callable<Integer> {

  @Mixin
  HelpOption help;

  @Option(names = "--model", paramLabel = "MODEL", description = ModelArgument.DESCRIPTION)
  Optional<Path> model = Optional.empty();

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "/tmp/crossnet-relation",
      description = "Folder for the exemplars, the token, the losses and the drawings (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--relation", paramLabel = "RELATION", defaultValue = "HOLDING_HANDS",
      description = "The relation the exemplars show, one of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  RelationType type;

  @Option(names = "--exemplars", paramLabel = "N", defaultValue = "8",
      description = "Exemplar pictures rendered (default: ${DEFAULT-VALUE}).")
  int count;

  @Option(names = "--steps", paramLabel = "N", defaultValue = "300",
      description = "Inversion steps (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--world", paramLabel = "WORLD", defaultValue = "standard", converter = ModelGeneration.Word.class,
      description = "Exemplars from standard FigureWorld scenes or main-subject ones (figures drawn large, for "
          + "figureworld-v2) (default: ${DEFAULT-VALUE}).")
  ModelGeneration generation;

  @Option(names = "--size", paramLabel = "PIXELS",
      description = "Picture width and height in pixels (default: the world's, 64 or 128).")
  Optional<Integer> size = Optional.empty();

  @Option(names = "--prompt", paramLabel = "TEXT", defaultValue = "a small red person <R> a small blue robot",
      description = "A prompt to draw with the token <R> (default: ${DEFAULT-VALUE}).")
  String prompt;

  @Option(names = "--words", paramLabel = "SOURCE", defaultValue = "figureworld",
      description = "Where the part-of-speech word sets come from: figureworld or wordnet (default: ${DEFAULT-VALUE}).")
  String wordsFrom;

  @Option(names = "--samples", paramLabel = "N", defaultValue = "4",
      description = "Pictures drawn with the learned token (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(names = "--sampling-steps", paramLabel = "N", defaultValue = "25",
      description = "Denoising steps of each drawing (default: ${DEFAULT-VALUE}).")
  int samplingSteps;

  @Option(names = "--lr", paramLabel = "RATE", defaultValue = "2e-3",
      description = "Learning rate of the inversion (default: ${DEFAULT-VALUE}).")
  double learningRate;

  public static void main(String[] args) {
    System.exit(CommandLines.execute(new LearnRelation(), args));
  }

  @Override
  public Integer call() throws Exception {
    run();
    return CommandLines.OK;
  }

  private void run() throws Exception {
    Path modelDir = model.map(ModelArgument::folder).orElseGet(DefaultModel::folder);
    Choices.check("--words", wordsFrom, "figureworld", "wordnet");
    Files.createDirectories(out);
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      DiffusionModel model = DiffusionModel.load(modelDir, m);
      DiffusionParts parts = DiffusionParts.of(model);
      parts.requireTextToImage("relation learning and drawing");
      RelationInversion.Settings settings = RelationInversion.Settings.reversion(steps).withLearningRate(learningRate);
      int side = size.orElse(generation.config().imageSize());
      List<Exemplar> exemplars = RelationExemplars.figureWorld(type, count,
          generation.scenes().withSize(side, side), 0, settings.placeholder());
      List<String> captions = new ArrayList<>();
      for (int i = 0; i < exemplars.size(); i++) {
        exemplars.get(i).picture().write(out.resolve("exemplar-" + i + ".png"));
        captions.add(i + "\t" + exemplars.get(i).caption());
      }
      Files.write(out.resolve("exemplars.txt"), captions);
      PartOfSpeechSets words = wordsFrom.equals("wordnet")
          ? PartOfSpeechSets.wordNet(model.tokenizer(), WordNetLexicon.load())
          : PartOfSpeechSets.figureWorld(model.tokenizer());
      List<String> curve = new ArrayList<>(List.of("step\treconstruction\tpos-contrastive\ttotal"));
      long start = System.nanoTime();
      LearnedToken relation = new RelationInversion(parts, settings).learn(exemplars, words, (step, l) ->
          curve.add(step + "\t" + l.get("relation-token/reconstruction") + "\t"
              + l.get("relation-token/pos-contrastive") + "\t" + l.get("relation-token")), m);
      double seconds = (System.nanoTime() - start) / 1e9;
      relation.save(out.resolve("relation.safetensors"));
      Files.write(out.resolve("losses.tsv"), curve);
      for (int s = 0; s < samples; s++) {
        Picture p = LearnedTokenPromptEncoder.textToImage(parts, List.of(relation)).generate(
            TextToImageRequest.of(prompt).withSize(side, side).withSampler(model.defaultSampler(), samplingSteps)
                .withSeed(s), m);
        p.write(out.resolve("generated-" + s + ".png"));
      }
      System.out.printf(Locale.ROOT, "learned %s (%s) from %d exemplars in %d steps (%.1f s); first/last losses: "
          + "%s / %s; wrote %s%n", settings.placeholder(), type.words(), exemplars.size(), steps, seconds,
          curve.get(1), curve.get(curve.size() - 1), out);
    }
  }
}
