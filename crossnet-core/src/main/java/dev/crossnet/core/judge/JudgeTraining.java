package dev.crossnet.core.judge;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.loss.LossInput;
import dev.crossnet.api.loss.LossProvider;
import dev.crossnet.api.loss.LossTerm;
import dev.crossnet.api.loss.OptimizerOptions;
import dev.crossnet.api.loss.ParameterGroup;
import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.api.plugin.PluginRegistry;
import dev.crossnet.api.progress.Cancellation;
import dev.crossnet.api.progress.ProgressListener;
import dev.crossnet.api.region.Mask;
import dev.crossnet.core.train.CheckpointStore;
import dev.crossnet.core.train.Trainer;
import dev.crossnet.core.train.TrainingListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Trains a {@link Judge} with CrossNet's trainer: one parameter group, the "cross-entropy" loss plugin over
 * the heads, AdamW, atomic checkpoints that a later run resumes from.
 */
public final class JudgeTraining {

  /**
   * @param steps optimisation steps in all (a resumed run goes on to this count)
   * @param batch examples per step
   * @param learningRate AdamW learning rate
   * @param seed initialisation seed
   * @param checkpoints where checkpoints go, if anywhere
   * @param checkpointEvery steps between checkpoints
   */
  public record Settings(int steps, int batch, double learningRate, long seed, Optional<Path> checkpoints,
      int checkpointEvery) {}

  private JudgeTraining() {}

  /** Trains a new judge (or resumes one from the checkpoint folder) and returns it. */
  public static Judge train(List<JudgeHead> heads, JudgeDataset data, Settings settings,
      PluginRegistry<LossProvider> losses, NDManager parent, ProgressListener progress,
      TrainingListener listener, Cancellation cancellation) {
    return train(heads, Optional.empty(), data, settings, losses, parent, progress, listener, cancellation);
  }

  /**
   * Trains a judge that starts from {@code start}'s weights (fine-tuning, e.g. on degraded renders) when it is
   * given and no checkpoint is there to resume from; {@code start} must have the same heads.
   */
  public static Judge train(List<JudgeHead> heads, Optional<Judge> start, JudgeDataset data, Settings settings,
      PluginRegistry<LossProvider> losses, NDManager parent, ProgressListener progress,
      TrainingListener listener, Cancellation cancellation) {
    int outputs = heads.stream().mapToInt(h -> h.classes().size()).sum();
    if (start.isPresent() && !start.get().heads().equals(heads)) {
      throw new IllegalArgumentException("the judge to start from has heads " + names(start.get().heads())
          + ", but this training has " + names(heads) + "; start from a judge with the same heads");
    }
    NDManager manager = parent.newSubManager();
    JudgeNetwork network = JudgeNetwork.initialise(outputs, settings.seed(), manager);
    start.ifPresent(j -> j.network().parameters().forEach((name, value) ->
        network.parameters().get(name).set(value.toFloatArray())));
    List<Integer> classes = heads.stream().map(h -> h.classes().size()).toList();
    ParameterGroup group = ParameterGroup.named("judge")
        .parameters(new ArrayList<>(network.parameters().keySet()))
        .optimizer(OptimizerOptions.adamW(settings.learningRate()))
        .loss(new LossTerm("cross-entropy", 1.0, 0, PluginConfig.of("classes", classes)))
        .build();
    Trainer.Builder builder = Trainer.builder()
        .parameters(network.parameters())
        .groups(List.of(group))
        .losses(losses)
        .seed(settings.seed())
        .stateManager(manager.newSubManager())
        .metadata(Map.of("model", "figureworld-judge"))
        .step((scope, step) -> forward(network, data.batch(step, settings.batch()), heads.size(), scope));
    settings.checkpoints().ifPresent(dir ->
        builder.checkpoints(new CheckpointStore(dir, 2), settings.checkpointEvery()));
    try (Trainer trainer = builder.build()) {
      trainer.resume();
      trainer.train(settings.steps(), progress, listener, cancellation);
    }
    return new Judge(heads, network, manager);
  }

  private static List<String> names(List<JudgeHead> heads) {
    return heads.stream().map(JudgeHead::name).toList();
  }

  private static Map<LossInput<?>, Object> forward(JudgeNetwork network, List<JudgeExample> batch, int heads,
      NDManager scope) {
    List<Picture> pictures = new ArrayList<>();
    List<Mask> focus = new ArrayList<>();
    float[] labels = new float[batch.size() * heads];
    for (int i = 0; i < batch.size(); i++) {
      JudgeExample e = batch.get(i);
      pictures.add(e.picture());
      focus.add(e.focus());
      int[] l = e.labels();
      if (l.length != heads) {
        throw new IllegalArgumentException("example " + i + " has " + l.length + " labels for " + heads + " heads");
      }
      for (int h = 0; h < heads; h++) {
        labels[i * heads + h] = l[h];
      }
    }
    NDArray input = JudgeInputs.of(pictures, focus, scope);
    Map<LossInput<?>, Object> out = new LinkedHashMap<>();
    out.put(LossInput.PREDICTION, network.forward(input));
    out.put(LossInput.TARGET, scope.create(labels, new Shape(batch.size(), heads)));
    return out;
  }
}
