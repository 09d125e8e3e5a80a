package dev.crossnet.examples.relation;

import ai.djl.ndarray.NDManager;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.model.DefaultModel;
import dev.crossnet.core.model.DiffusionModel;
import dev.crossnet.core.pipeline.TextToImageRequest;
import dev.crossnet.core.relation.CountSteering;
import dev.crossnet.core.relation.DiffusionParts;
import dev.crossnet.examples.cli.CommandLines;
import dev.crossnet.examples.cli.HelpOption;
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
 * Redraws a prompt with another number of instances of its subject: draws the prompt, steers the subject
 * word's embedding with the gram-count loss on its cross-attention maps, draws again with the same seed.
 * Writes {@code before.png}, {@code after.png}, {@code subject.safetensors} and {@code losses.tsv}.
 *
 * <pre>java -cp 'crossnet-examples/target/crossnet-examples.jar:crossnet-examples/target/lib/*' \
 *   dev.crossnet.examples.relation.ChangeCount [--model DIR] --out /tmp/count \
 *   [--prompt "two small red dogs sitting in a park"] [--subject dogs] [--count 3] [--steps 40] [--size 64]</pre>
 */
@Command(name = "ChangeCount", sortOptions = false, sortSynopsis = false,
    description = "Redraws a prompt with another number of instances of its subject, steering the subject word with "
        + "the gram-count loss.")
public final class ChangeCount implements Callable<Integer> {

  @Mixin
  HelpOption help;

  @Option(names = "--model", paramLabel = "DIR",
      description = "A diffusers model folder (default: the embedded default model).")
  Optional<Path> model = Optional.empty();

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "/tmp/crossnet-count",
      description = "Folder for before.png, after.png, the steered embedding and the losses (default: "
          + "${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--prompt", paramLabel = "TEXT", defaultValue = "two small red dogs sitting in a park",
      description = "The prompt to redraw (default: ${DEFAULT-VALUE}).")
  String prompt;

  @Option(names = "--subject", paramLabel = "WORD", defaultValue = "dogs",
      description = "The prompt's word whose count changes (default: ${DEFAULT-VALUE}).")
  String subject;

  @Option(names = "--count", paramLabel = "N", defaultValue = "3",
      description = "How many instances to draw (default: ${DEFAULT-VALUE}).")
  int count;

  @Option(names = "--steps", paramLabel = "N", defaultValue = "40",
      description = "Steering steps (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--size", paramLabel = "PIXELS", defaultValue = "64",
      description = "Picture width and height in pixels (default: ${DEFAULT-VALUE}).")
  int size;

  @Option(names = "--sampling-steps", paramLabel = "N", defaultValue = "25",
      description = "Denoising steps of each drawing (default: ${DEFAULT-VALUE}).")
  int samplingSteps;

  @Option(names = "--lr", paramLabel = "RATE", defaultValue = "5e-3",
      description = "Learning rate of the steering (default: ${DEFAULT-VALUE}).")
  double learningRate;

  @Option(names = "--min-map-cells", paramLabel = "N", defaultValue = "64",
      description = "Smallest attention map (in cells) the loss reads (default: ${DEFAULT-VALUE}).")
  int minCells;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
      description = "Random seed of both drawings (default: ${DEFAULT-VALUE}).")
  long seed;

  public static void main(String[] args) {
    System.exit(CommandLines.execute(new ChangeCount(), args));
  }

  @Override
  public Integer call() throws Exception {
    run();
    return CommandLines.OK;
  }

  private void run() throws Exception {
    Path modelDir = model.orElseGet(DefaultModel::folder);
    Files.createDirectories(out);
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      DiffusionModel model = DiffusionModel.load(modelDir, m);
      CountSteering steering = new CountSteering(DiffusionParts.of(model),
          CountSteering.Settings.defaults(steps).withLearningRate(learningRate).withMinMapCells(minCells));
      TextToImageRequest request = TextToImageRequest.of(prompt).withSize(size, size)
          .withSampler(model.defaultSampler(), samplingSteps).withSeed(seed);
      CountSteering.Result r = steering.draw(request, subject, count, (s, l) -> {}, m);
      r.before().write(out.resolve("before.png"));
      r.after().write(out.resolve("after.png"));
      r.token().save(out.resolve("subject.safetensors"));
      List<String> curve = new ArrayList<>(List.of("step\tgram-count"));
      for (int i = 0; i < r.losses().size(); i++) {
        curve.add(i + "\t" + r.losses().get(i));
      }
      Files.write(out.resolve("losses.tsv"), curve);
      System.out.printf(Locale.ROOT, "steered '%s' in \"%s\" to %d: gram-count loss %.4f -> %.4f over %d steps; "
          + "wrote %s%n", subject, prompt, count, r.losses().get(0), r.losses().get(r.losses().size() - 1), steps,
          out);
    }
  }
}
