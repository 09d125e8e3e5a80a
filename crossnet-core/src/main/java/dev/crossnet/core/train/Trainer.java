package dev.crossnet.core.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import dev.crossnet.api.loss.LossContext;
import dev.crossnet.api.loss.LossInput;
import dev.crossnet.api.loss.LossProvider;
import dev.crossnet.api.loss.LossTerm;
import dev.crossnet.api.loss.ParameterGroup;
import dev.crossnet.api.loss.TrainingLoss;
import dev.crossnet.api.plugin.PluginRegistry;
import dev.crossnet.api.progress.Cancellation;
import dev.crossnet.api.progress.Progress;
import dev.crossnet.api.progress.ProgressListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one training loop of CrossNet, used for the default model and for inversion alike. Each parameter
 * group has its own optimiser and its own ordered, weighted loss terms; a group's parameters move by the
 * gradient of that group's loss sum only. Checkpoints are written atomically every few steps and a run
 * resumes from the latest one, seeing exactly the batches it would have seen.
 */
public final class Trainer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);
  private static final String AVERAGED_UPDATES = "averaged-updates";
  /** Updates tried before a run is judged by its share of skipped updates. */
  private static final int MIN_UPDATES_JUDGED = 8;

  private final Map<String, NDArray> parameters;
  private final List<ParameterGroup> groups;
  private final List<List<TrainingLoss>> lossesPerGroup;
  private final List<AdamW> optimizers;
  private final List<List<Integer>> backwardPasses;
  /** Every group's parameters by name, groups in order: what is trained, averaged and checkpointed. */
  private final Map<String, NDArray> trainedParameters;
  private final TrainingStep trainingStep;
  private final Optional<CheckpointStore> checkpoints;
  private final int checkpointEvery;
  private final long seed;
  private final Map<String, String> metadata;
  private final NDManager stateManager;
  private final Optional<ParameterAverage> average;
  private int stepsDone;
  private int skippedUpdates;
  private int attemptedUpdates;

  private Trainer(Builder b) {
    this.parameters = new LinkedHashMap<>(b.parameters);
    this.groups = ParameterGroup.requireDisjoint(b.groups);
    this.backwardPasses = backwardPasses(groups);
    Map<String, NDArray> trained = new LinkedHashMap<>();
    groups.forEach(g -> g.parameters().forEach(p -> trained.put(p, parameters.get(p))));
    this.trainedParameters = java.util.Collections.unmodifiableMap(trained);
    this.trainingStep = b.step;
    this.checkpoints = Optional.ofNullable(b.checkpoints);
    this.checkpointEvery = b.checkpointEvery;
    this.seed = b.seed;
    this.metadata = Map.copyOf(b.metadata);
    this.stateManager = b.stateManager;
    this.average = b.averageDecay > 0 ? Optional.of(new ParameterAverage(b.averageDecay, stateManager))
        : Optional.empty();
    this.lossesPerGroup = new ArrayList<>();
    this.optimizers = new ArrayList<>();
    for (ParameterGroup g : groups) {
      for (String p : g.parameters()) {
        if (!parameters.containsKey(p)) {
          throw new IllegalArgumentException("parameter group '" + g.name() + "' names '" + p
              + "', which the model does not have; known parameters start with: "
              + parameters.keySet().stream().limit(8).toList());
        }
      }
      List<TrainingLoss> losses = new ArrayList<>();
      for (LossTerm term : g.losses()) {
        TrainingLoss loss = b.lossRegistry.get(term.loss()).create(term.config());
        Set<LossInput<?>> missing = new LinkedHashSet<>(loss.requires());
        missing.removeAll(b.supplied);
        if (!missing.isEmpty()) {
          throw new IllegalArgumentException("loss '" + term.loss() + "' of group '" + g.name()
              + "' needs " + missing.stream().map(LossInput::name).toList()
              + " but this training supplies only " + b.supplied.stream().map(LossInput::name).toList());
        }
        losses.add(loss);
        LOG.info("group '{}': loss '{}' weight {} order {} config {}", g.name(), term.loss(), term.weight(),
            term.order(), term.config());
      }
      lossesPerGroup.add(losses);
      optimizers.add(new AdamW(g.optimizer(), stateManager));
      LOG.info("group '{}': {} parameters, {}", g.name(), g.parameters().size(), g.optimizer());
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Group updates skipped in this run because their gradient was not finite (logged as warnings). */
  public int skippedUpdates() {
    return skippedUpdates;
  }

  /** Steps finished so far (including those restored from a checkpoint). */
  public int stepsDone() {
    return stepsDone;
  }

  /**
   * Restores the latest checkpoint when there is one: parameters are copied into the model's own arrays,
   * optimiser moments restored, and training goes on from the step it reached.
   *
   * @return whether a checkpoint was found
   */
  public boolean resume() {
    if (checkpoints.isEmpty()) {
      return false;
    }
    try (NDManager scope = stateManager.newSubManager()) {
      Optional<Checkpoint> latest = checkpoints.get().loadLatest(scope);
      if (latest.isEmpty()) {
        return false;
      }
      Checkpoint c = latest.get();
      for (Map.Entry<String, NDArray> e : c.parameters().entrySet()) {
        NDArray target = parameters.get(e.getKey());
        if (target == null || !target.getShape().equals(e.getValue().getShape())) {
          throw new IllegalStateException("checkpoint in " + checkpoints.get().folder() + " has parameter '"
              + e.getKey() + "' " + e.getValue().getShape() + " that does not fit the model ("
              + (target == null ? "absent" : target.getShape().toString()) + "); was it written by another "
              + "model config?");
        }
        target.set(e.getValue().toFloatArray());
      }
      for (Map.Entry<String, NDArray> e : c.optimizer().entrySet()) {
        String key = e.getKey();
        int slash = key.indexOf('/');
        int group = groupIndex(key.substring(0, slash));
        optimizers.get(group).restore(key.substring(slash + 1), e.getValue());
      }
      if (average.isPresent() && !c.averages().isEmpty()) {
        average.get().restore(c.averages(), Long.parseLong(c.metadata().getOrDefault(AVERAGED_UPDATES, "0")));
      }
      stepsDone = c.step();
      LOG.info("resumed from step {} in {}", stepsDone, checkpoints.get().folder());
      return true;
    }
  }

  private int groupIndex(String name) {
    for (int i = 0; i < groups.size(); i++) {
      if (groups.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalStateException("checkpoint has optimizer state for unknown group '" + name + "'");
  }

  /**
   * Trains until {@code totalSteps} steps are done (counting steps restored by {@link #resume()}).
   *
   * @return the loss values of the last step
   */
  public Map<String, Double> train(int totalSteps, ProgressListener progress, TrainingListener listener,
      Cancellation cancellation) {
    Map<String, Double> last = Map.of();
    GradientSelfCheck.require();
    trainedParameters.values().forEach(p -> p.setRequiresGradient(true));
    try {
      while (stepsDone < totalSteps) {
        cancellation.check("training step " + stepsDone);
        last = runStep(stepsDone);
        listener.onStep(stepsDone, last);
        stepsDone++;
        requireMostUpdatesApplied(stepsDone == totalSteps);
        progress.onProgress(new Progress("train", stepsDone, totalSteps));
        if (checkpoints.isPresent() && (stepsDone % checkpointEvery == 0 || stepsDone == totalSteps)) {
          saveCheckpoint();
        }
      }
    } finally {
      trainedParameters.values().forEach(p -> p.setRequiresGradient(false));
    }
    return last;
  }

  /**
   * Stops a run in which most updates were skipped for non-finite gradients: its weights are not training, and
   * a run that ended normally would pass for a trained one. Judged once {@value #MIN_UPDATES_JUDGED} updates
   * were tried, and at the end of a run once two were.
   */
  private void requireMostUpdatesApplied(boolean runEnded) {
    int judgedFrom = runEnded ? 2 : MIN_UPDATES_JUDGED;
    if (attemptedUpdates >= judgedFrom && 2 * skippedUpdates > attemptedUpdates) {
      throw new IllegalStateException("training stopped after step " + stepsDone + ": " + skippedUpdates
          + " of " + attemptedUpdates + " updates were skipped because their gradient was not finite, so the "
          + "weights are not training (a skipped update leaves them as they were); lower the learning rate or "
          + "check the inputs");
    }
  }

  private Map<String, Double> runStep(int step) {
    Map<String, Double> values = new LinkedHashMap<>();
    try (NDManager scope = stateManager.newSubManager()) {
      List<Map<String, NDArray>> gradients = new ArrayList<>(java.util.Collections.nCopies(groups.size(), null));
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        Map<LossInput<?>, Object> inputs = trainingStep.forward(scope, step);
        LossContext context = new StepContext(inputs, scope, new SplittableRandom(seed * 1_000_003L + step), step);
        List<NDArray> passLosses = new ArrayList<>();
        for (List<Integer> pass : backwardPasses) {
          int first = pass.get(0);
          NDArray total = groupLoss(first, context, values);
          for (int g : pass.subList(1, pass.size())) {
            copyLossValues(groups.get(first).name(), groups.get(g), values);
          }
          passLosses.add(total);
        }
        for (int k = 0; k < backwardPasses.size(); k++) {
          zeroGradients();
          NDArray loss = passLosses.get(k);
          boolean keepGraph = k < backwardPasses.size() - 1;
          JniUtils.backward((PtNDArray) loss, (PtNDArray) loss.onesLike(), keepGraph, false);
          for (int g : backwardPasses.get(k)) {
            Map<String, NDArray> grads = new LinkedHashMap<>();
            for (String p : groups.get(g).parameters()) {
              grads.put(p, dev.crossnet.core.nn.Gradients.copyOf(parameters.get(p), scope));
            }
            gradients.set(g, grads);
          }
        }
      }
      for (int g = 0; g < groups.size(); g++) {
        ParameterGroup group = groups.get(g);
        Map<String, NDArray> grads = gradients.get(g);
        double norm = norm(grads);
        attemptedUpdates++;
        if (!Double.isFinite(norm)) {
          // one non-finite gradient would turn every weight (and Adam's moments) into NaN for good
          skippedUpdates++;
          LOG.warn("group '{}': gradient norm is {} at step {}; this step's update is skipped ({} so far)",
              group.name(), norm, step, skippedUpdates);
          continue;
        }
        clip(grads, norm, group.optimizer().gradientClip());
        for (Map.Entry<String, NDArray> e : grads.entrySet()) {
          optimizers.get(g).update(e.getKey(), parameters.get(e.getKey()), e.getValue(), step + 1L);
        }
      }
      zeroGradients();
      average.ifPresent(a -> a.update(trainedParameters));
    }
    return values;
  }

  /**
   * The exponential moving averages of the trained parameters, when the trainer keeps them (see
   * {@link Builder#averaging(double)}); empty before the first step.
   */
  public Map<String, NDArray> averagedParameters() {
    return average.map(ParameterAverage::averages).orElse(Map.of());
  }

  /**
   * Copies the averaged values into the model's own parameter arrays (for export or sampling once training is
   * over; training on from there would start from the averages).
   *
   * @throws IllegalStateException when the trainer keeps no averages or has not stepped yet
   */
  public void copyAveragesIntoParameters() {
    Map<String, NDArray> averages = averagedParameters();
    if (averages.isEmpty()) {
      throw new IllegalStateException("this trainer has no parameter averages: enable them with "
          + "Trainer.builder().averaging(decay) and train at least one step");
    }
    averages.forEach((name, a) -> parameters.get(name).set(a.toFloatArray()));
  }

  /** The weighted sum of group {@code g}'s loss terms; records each term's value and the sum in {@code values}. */
  private NDArray groupLoss(int g, LossContext context, Map<String, Double> values) {
    ParameterGroup group = groups.get(g);
    NDArray total = null;
    for (int t = 0; t < group.losses().size(); t++) {
      LossTerm term = group.losses().get(t);
      NDArray raw = lossesPerGroup.get(g).get(t).compute(context);
      // a libtorch-owned weight: autograd keeps it for the backward pass (see nn.Scalars)
      NDArray value = raw.mul(dev.crossnet.core.nn.Scalars.of(raw, (float) term.weight()));
      values.put(group.name() + "/" + term.loss(), (double) value.getFloat());
      total = total == null ? value : total.add(value);
    }
    values.put(group.name(), (double) total.getFloat());
    if (!Double.isFinite(values.get(group.name()))) {
      throw new IllegalStateException("loss of group '" + group.name() + "' is " + values.get(group.name())
          + " at step " + context.step() + "; lower the learning rate or check the inputs");
    }
    return total;
  }

  /** A group sharing another's loss terms reports the same values under its own name. */
  private static void copyLossValues(String from, ParameterGroup to, Map<String, Double> values) {
    for (LossTerm term : to.losses()) {
      values.put(to.name() + "/" + term.loss(), values.get(from + "/" + term.loss()));
    }
    values.put(to.name(), values.get(from));
  }

  /**
   * Groups whose loss terms are equal (same plugins, weights, order and settings) minimise the same function,
   * so one evaluation and one backward pass serve them all; each entry lists the groups of one pass.
   */
  private static List<List<Integer>> backwardPasses(List<ParameterGroup> groups) {
    Map<List<LossTerm>, List<Integer>> bySignature = new LinkedHashMap<>();
    for (int g = 0; g < groups.size(); g++) {
      bySignature.computeIfAbsent(groups.get(g).losses(), k -> new ArrayList<>()).add(g);
    }
    return bySignature.values().stream().map(List::copyOf).toList();
  }

  private void zeroGradients() {
    for (ParameterGroup g : groups) {
      for (String p : g.parameters()) {
        NDArray param = parameters.get(p);
        if (param.hasGradient()) {
          JniUtils.zeroGrad((PtNDArray) param);
        }
      }
    }
  }

  private static double norm(Map<String, NDArray> grads) {
    double sumSquares = 0;
    for (NDArray g : grads.values()) {
      sumSquares += g.square().sum().getFloat();
    }
    return Math.sqrt(sumSquares);
  }

  private static void clip(Map<String, NDArray> grads, double norm, double maxNorm) {
    if (maxNorm > 0 && norm > maxNorm) {
      float scale = (float) (maxNorm / (norm + 1e-6));
      grads.values().forEach(g -> g.muli(scale));
    }
  }

  private void saveCheckpoint() {
    Map<String, NDArray> optimizerState = new LinkedHashMap<>();
    for (int g = 0; g < groups.size(); g++) {
      String prefix = groups.get(g).name() + "/";
      optimizers.get(g).state().forEach((k, v) -> optimizerState.put(prefix + k, v));
    }
    Map<String, String> meta = new LinkedHashMap<>(metadata);
    meta.put("seed", Long.toString(seed));
    average.ifPresent(a -> meta.put(AVERAGED_UPDATES, Long.toString(a.updates())));
    checkpoints.get().save(new Checkpoint(stepsDone, trainedParameters, optimizerState, averagedParameters(),
        meta));
  }

  @Override
  public void close() {
    stateManager.close();
  }

  /** The per-step view losses read. */
  private record StepContext(Map<LossInput<?>, Object> inputs, NDManager manager, SplittableRandom random,
      int step) implements LossContext {
    @Override
    public <T> Optional<T> find(LossInput<T> input) {
      Object value = inputs.get(input);
      return value == null ? Optional.empty() : Optional.of(input.type().cast(value));
    }
  }

  /** Configures a {@link Trainer}. */
  public static final class Builder {
    private Map<String, NDArray> parameters = Map.of();
    private List<ParameterGroup> groups = List.of();
    private PluginRegistry<LossProvider> lossRegistry;
    private Set<LossInput<?>> supplied = LossInput.basic();
    private TrainingStep step;
    private CheckpointStore checkpoints;
    private int checkpointEvery = 500;
    private long seed;
    private Map<String, String> metadata = Map.of();
    private NDManager stateManager;
    private double averageDecay;

    /** The model's tensors by name, in a fixed order; the groups pick from these. */
    public Builder parameters(Map<String, NDArray> value) {
      this.parameters = value;
      return this;
    }

    public Builder groups(List<ParameterGroup> value) {
      this.groups = List.copyOf(value);
      return this;
    }

    public Builder losses(PluginRegistry<LossProvider> value) {
      this.lossRegistry = value;
      return this;
    }

    /** The loss inputs the training step fills (checked against what the losses require). */
    public Builder supplies(Set<LossInput<?>> value) {
      this.supplied = Set.copyOf(value);
      return this;
    }

    public Builder step(TrainingStep value) {
      this.step = value;
      return this;
    }

    public Builder checkpoints(CheckpointStore store, int everySteps) {
      if (everySteps < 1) {
        throw new IllegalArgumentException("checkpoint interval must be at least 1 step, got " + everySteps);
      }
      this.checkpoints = store;
      this.checkpointEvery = everySteps;
      return this;
    }

    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    public Builder metadata(Map<String, String> value) {
      this.metadata = value;
      return this;
    }

    /**
     * Keeps an exponential moving average of every trained parameter with this decay (e.g. 0.999), saved in
     * checkpoints; 0 (the default) keeps none. See {@link Trainer#averagedParameters()}.
     */
    public Builder averaging(double decay) {
      if (decay != 0 && !(decay > 0 && decay < 1)) {
        throw new IllegalArgumentException("parameter average decay must be 0 (off) or in (0, 1), got " + decay);
      }
      this.averageDecay = decay;
      return this;
    }

    /** The manager that holds optimiser state; the trainer closes it. */
    public Builder stateManager(NDManager value) {
      this.stateManager = value;
      return this;
    }

    public Trainer build() {
      if (step == null) {
        throw new IllegalStateException("trainer has no training step; call step(...)");
      }
      if (groups.isEmpty()) {
        throw new IllegalStateException("trainer has no parameter groups; call groups(...)");
      }
      if (lossRegistry == null) {
        lossRegistry = PluginRegistry.discover(LossProvider.class, "loss", "add crossnet-losses to the class path");
      }
      if (stateManager == null) {
        stateManager = NDManager.newBaseManager();
      }
      return new Trainer(this);
    }
  }
}
