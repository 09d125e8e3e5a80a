package dev.crossnet.examples.relation;

import ai.djl.ndarray.NDManager;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.model.DefaultModel;
import dev.crossnet.core.model.DiffusionModel;
import dev.crossnet.core.pipeline.TextToImageRequest;
import dev.crossnet.core.relation.CountSteering;
import dev.crossnet.core.relation.DiffusionParts;
import dev.crossnet.examples.cli.Options;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Redraws a prompt with another number of instances of its subject: draws the prompt, steers the subject
 * word's embedding with the gram-count loss on its cross-attention maps, draws again with the same seed.
 * Writes {@code before.png}, {@code after.png}, {@code subject.safetensors} and {@code losses.tsv}.
 *
 * <pre>java -cp 'crossnet-examples/target/crossnet-examples.jar:crossnet-examples/target/lib/*' \
 *   dev.crossnet.examples.relation.ChangeCount [--model DIR] --out /tmp/count \
 *   [--prompt "two small red dogs sitting in a park"] [--subject dogs] [--count 3] [--steps 40] [--size 64]</pre>
 */
public final class ChangeCount {

  private ChangeCount() {}

  public static void main(String[] args) throws IOException {
    Options o = new Options("ChangeCount", args);
    Path modelDir = o.optionalPath("model").orElseGet(DefaultModel::folder);
    Path out = o.path("out", "/tmp/crossnet-count");
    String prompt = o.string("prompt", "two small red dogs sitting in a park");
    String subject = o.string("subject", "dogs");
    int count = o.integer("count", 3);
    int steps = o.integer("steps", 40);
    int size = o.integer("size", 64);
    int samplingSteps = o.integer("sampling-steps", 25);
    double learningRate = o.number("lr", 5e-3);
    int minCells = o.integer("min-map-cells", 64);
    long seed = o.longValue("seed", 0);
    o.rejectUnknown();
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
