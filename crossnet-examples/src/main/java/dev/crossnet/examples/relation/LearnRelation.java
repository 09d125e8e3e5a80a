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
import dev.crossnet.examples.cli.Options;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Learns a relation token from FigureWorld exemplars (ReVersion) and draws new prompts with it. Writes the
 * exemplars ({@code exemplar-N.png}, {@code exemplars.txt}), the token ({@code relation.safetensors}), the
 * loss curve ({@code losses.tsv}: step, reconstruction, pos-contrastive, total) and {@code generated-N.png}.
 *
 * <pre>java -cp 'crossnet-examples/target/crossnet-examples.jar:crossnet-examples/target/lib/*' \
 *   dev.crossnet.examples.relation.LearnRelation [--model DIR] --out /tmp/relation \
 *   [--relation HOLDING_HANDS] [--exemplars 8] [--steps 300] [--size 64] [--prompt "a dog &lt;R&gt; a cat"]
 *   [--words figureworld|wordnet] [--samples 4] [--sampling-steps 25]</pre>
 */
public final class LearnRelation {

  private LearnRelation() {}

  public static void main(String[] args) throws IOException {
    Options o = new Options("LearnRelation", args);
    Path modelDir = o.optionalPath("model").orElseGet(DefaultModel::folder);
    Path out = o.path("out", "/tmp/crossnet-relation");
    RelationType type = RelationType.valueOf(o.string("relation", "HOLDING_HANDS").toUpperCase(Locale.ROOT));
    int count = o.integer("exemplars", 8);
    int steps = o.integer("steps", 300);
    int size = o.integer("size", 64);
    String prompt = o.string("prompt", "a dog <R> a cat");
    String wordsFrom = o.string("words", "figureworld");
    int samples = o.integer("samples", 4);
    int samplingSteps = o.integer("sampling-steps", 25);
    double learningRate = o.number("lr", 2e-3);
    o.rejectUnknown();
    Files.createDirectories(out);
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      DiffusionModel model = DiffusionModel.load(modelDir, m);
      DiffusionParts parts = DiffusionParts.of(model);
      RelationInversion.Settings settings = RelationInversion.Settings.reversion(steps).withLearningRate(learningRate);
      List<Exemplar> exemplars = RelationExemplars.figureWorld(type, count, size, 0, settings.placeholder());
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
            TextToImageRequest.of(prompt).withSize(size, size).withSampler(model.defaultSampler(), samplingSteps)
                .withSeed(s), m);
        p.write(out.resolve("generated-" + s + ".png"));
      }
      System.out.printf(Locale.ROOT, "learned %s (%s) from %d exemplars in %d steps (%.1f s); first/last losses: "
          + "%s / %s; wrote %s%n", settings.placeholder(), type.words(), exemplars.size(), steps, seconds,
          curve.get(1), curve.get(curve.size() - 1), out);
    }
  }
}
