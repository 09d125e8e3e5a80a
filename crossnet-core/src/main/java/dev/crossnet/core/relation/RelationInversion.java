package dev.crossnet.core.relation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
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
import dev.crossnet.core.image.RegionMasks;
import dev.crossnet.core.image.PictureTensors;
import dev.crossnet.core.model.clip.TokenEmbeddingOverrides;
import dev.crossnet.core.nn.GradMode;
import dev.crossnet.core.pipeline.InpaintingPredictor;
import dev.crossnet.core.train.CheckpointStore;
import dev.crossnet.core.train.Trainer;
import dev.crossnet.core.train.TrainingListener;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ReVersion's relation inversion: learns the embedding row of a placeholder token {@code <R>} from exemplar
 * pictures that share a relation, with the text encoder, UNet and VAE frozen. One parameter group trains the
 * row under two ordered terms: "reconstruction" (order 0, weight 1: the denoising loss, ReVersion's
 * L_denoise) and "pos-contrastive" (order 1, weight 0.01: the relation-steering loss L_steer). Training
 * timesteps are drawn by {@link TimestepImportanceSampler} (ReVersion's relation-focal importance sampling).
 * With an inpainting UNet each exemplar is shown as an edit shows its bedrock: its region blanked (the whole
 * picture where it has none), so the token learns what fills the region.
 *
 * <pre>{@code
 * List<Exemplar> ex = RelationExemplars.figureWorld(RelationType.HOLDING_HANDS, 8, 64, 0, "<R>");
 * LearnedToken r = new RelationInversion(DiffusionParts.of(model), RelationInversion.Settings.reversion(3000))
 *     .learn(ex, PartOfSpeechSets.figureWorld(model.tokenizer()), TrainingListener.NONE, manager);
 * r.save(Path.of("holding-hands.safetensors"));
 * }</pre>
 */
public final class RelationInversion {

  private static final Logger LOG = LoggerFactory.getLogger(RelationInversion.class);
  /** The trained parameter's name in the trainer and in checkpoints. */
  public static final String GROUP = "relation-token";

  /**
   * @param placeholder the token learned (ReVersion: {@code <R>})
   * @param initializer the word whose row starts the placeholder's (ReVersion: "and")
   * @param steps optimisation steps (ReVersion: 3000)
   * @param batchSize exemplars per step (ReVersion: 2, with 4 accumulation steps)
   * @param learningRate AdamW learning rate (ReVersion: 2.5e-4 scaled by batch x accumulation = 2e-3)
   * @param steerWeight weight of the pos-contrastive term (ReVersion: 0.01)
   * @param steerConfig settings of the pos-contrastive plugin (empty: ReVersion's defaults)
   * @param importanceAlpha skewness of the timestep sampler (ReVersion: 0.5; 0 for uniform)
   * @param seed seed of the batches, noise and word samples
   * @param checkpoints folder for resumable checkpoints, or null for none
   */
  public record Settings(String placeholder, String initializer, int steps, int batchSize, double learningRate,
      double steerWeight, PluginConfig steerConfig, double importanceAlpha, long seed, Path checkpoints) {

    public Settings {
      if (steps < 1 || batchSize < 1) {
        throw new IllegalArgumentException("steps and batch size must be >= 1, got " + steps + " and " + batchSize);
      }
    }

    /** ReVersion's settings (README training command) for a number of steps. */
    public static Settings reversion(int steps) {
      return new Settings("<R>", "and", steps, 2, 2e-3, 0.01, PluginConfig.empty(),
          TimestepImportanceSampler.REVERSION_ALPHA, 2023, null);
    }

    public Settings withSteps(int value) {
      return new Settings(placeholder, initializer, value, batchSize, learningRate, steerWeight, steerConfig,
          importanceAlpha, seed, checkpoints);
    }

    public Settings withBatchSize(int value) {
      return new Settings(placeholder, initializer, steps, value, learningRate, steerWeight, steerConfig,
          importanceAlpha, seed, checkpoints);
    }

    public Settings withLearningRate(double value) {
      return new Settings(placeholder, initializer, steps, batchSize, value, steerWeight, steerConfig,
          importanceAlpha, seed, checkpoints);
    }

    /** The same settings with the pos-contrastive term weighted {@code value} (0: reconstruction alone). */
    public Settings withSteerWeight(double value) {
      return new Settings(placeholder, initializer, steps, batchSize, learningRate, value, steerConfig,
          importanceAlpha, seed, checkpoints);
    }

    public Settings withSeed(long value) {
      return new Settings(placeholder, initializer, steps, batchSize, learningRate, steerWeight, steerConfig,
          importanceAlpha, value, checkpoints);
    }

    public Settings withCheckpoints(Path folder) {
      return new Settings(placeholder, initializer, steps, batchSize, learningRate, steerWeight, steerConfig,
          importanceAlpha, seed, folder);
    }
  }

  private final DiffusionParts parts;
  private final Settings settings;
  private final PluginRegistry<LossProvider> losses;

  public RelationInversion(DiffusionParts parts, Settings settings) {
    this(parts, settings, PluginRegistry.discover(LossProvider.class, "loss", "add crossnet-losses to the class path"));
  }

  public RelationInversion(DiffusionParts parts, Settings settings, PluginRegistry<LossProvider> losses) {
    this.parts = parts;
    this.settings = settings;
    this.losses = losses;
  }

  /** The parameter group: the token row under reconstruction (order 0) then pos-contrastive (order 1). */
  public ParameterGroup group() {
    return group(false);
  }

  /**
   * The parameter group; {@code masked}: the reconstruction is averaged over the exemplars' regions (an exemplar
   * without a region counts whole).
   */
  private ParameterGroup group(boolean masked) {
    var group = ParameterGroup.named(GROUP)
        .parameters(List.of(parameterName()))
        .optimizer(OptimizerOptions.adamW(settings.learningRate()))
        .loss(new LossTerm("reconstruction", 1.0, 0, PluginConfig.of("masked", masked)));
    // a zero weight leaves the term out rather than computing it for nothing
    return (settings.steerWeight() > 0
        ? group.loss(new LossTerm("pos-contrastive", settings.steerWeight(), 1, settings.steerConfig())) : group)
        .build();
  }

  private String parameterName() {
    return "token:" + settings.placeholder();
  }

  /**
   * Learns the token. Every step's losses go to {@code listener} in summation order; the returned row lives in
   * {@code manager}.
   */
  public LearnedToken learn(List<Exemplar> exemplars, PartOfSpeechSets words, TrainingListener listener,
      NDManager manager) {
    return learn(exemplars, words, listener, ProgressListener.NONE, Cancellation.never(), manager);
  }

  /**
   * Learns the token, reporting each step to {@code progress} and checking {@code cancellation} before each.
   *
   * @throws dev.crossnet.api.progress.CancelledException when cancelled; nothing is returned, arrays are freed
   */
  public LearnedToken learn(List<Exemplar> exemplars, PartOfSpeechSets words, TrainingListener listener,
      ProgressListener progress, Cancellation cancellation, NDManager manager) {
    if (exemplars.isEmpty()) {
      throw new IllegalArgumentException("relation inversion needs at least one exemplar picture");
    }
    for (Exemplar e : exemplars) {
      if (!e.caption().contains(settings.placeholder())) {
        throw new IllegalArgumentException("exemplar caption '" + e.caption() + "' does not contain the "
            + "placeholder " + settings.placeholder() + "; write it where the relation's words would be");
      }
    }
    int initId = parts.tokenizer().tokenId(settings.initializer() + "</w>").orElseThrow(() ->
        new IllegalArgumentException("initializer word '" + settings.initializer() + "' is not a whole token of "
            + "the tokenizer; pick a word it knows (ReVersion uses 'and')"));
    int placeholderId = parts.placeholderId(settings.placeholder());
    try (NDManager work = manager.newSubManager()) {
      // the row is born in the weights' manager: move it to this learning's before it is copied
      NDArray initial = parts.textEncoder().tokenEmbeddings().get(initId);
      initial.attach(work);
      NDArray row = initial.duplicate();
      row.attach(work);
      NDArray latents = encode(exemplars, work);
      boolean masked = exemplars.stream().anyMatch(e -> e.region().isPresent());
      NDArray masks = masked ? masks(exemplars, latents, work) : null;
      NDArray conditions = parts.inpainting() ? inpaintingConditions(exemplars, latents, work) : null;
      long[][] ids = tokenIds(exemplars);
      Map<String, NDArray> wordEmbeddings = words.embeddings(parts.textEncoder().tokenEmbeddings(), work);
      ForwardNoising noising = ForwardNoising.from(parts.schedulerConfig());
      TimestepImportanceSampler timesteps = new TimestepImportanceSampler(
          noising.schedule().trainTimesteps(), settings.importanceAlpha());
      Trainer.Builder builder = Trainer.builder()
          .parameters(Map.of(parameterName(), row))
          .groups(List.of(group(masked)))
          .losses(losses)
          .supplies(masked ? Set.of(LossInput.PREDICTION, LossInput.TARGET, LossInput.TIMESTEPS,
              LossInput.LEARNED_EMBEDDINGS, LossInput.WORDS_BY_PART_OF_SPEECH, LossInput.MASK)
              : Set.of(LossInput.PREDICTION, LossInput.TARGET, LossInput.TIMESTEPS,
              LossInput.LEARNED_EMBEDDINGS, LossInput.WORDS_BY_PART_OF_SPEECH))
          .seed(settings.seed())
          .metadata(Map.of("placeholder", settings.placeholder(), "initializer", settings.initializer()))
          .stateManager(work.newSubManager())
          .step((scope, step) -> {
            SplittableRandom r = new SplittableRandom(settings.seed() * 31 + step);
            int b = settings.batchSize();
            int[] pick = new int[b];
            int[] t = new int[b];
            for (int i = 0; i < b; i++) {
              pick[i] = r.nextInt(exemplars.size());
              t[i] = timesteps.sample(r);
            }
            NDList rowsList = new NDList();
            NDList maskList = new NDList();
            NDList conditionList = new NDList();
            long[] batchIds = new long[b * ids[0].length];
            for (int i = 0; i < b; i++) {
              rowsList.add(latents.get(pick[i]));
              if (masked) {
                maskList.add(masks.get(pick[i]));
              }
              if (conditions != null) {
                conditionList.add(conditions.get(pick[i]));
              }
              System.arraycopy(ids[pick[i]], 0, batchIds, i * ids[0].length, ids[0].length);
            }
            NDArray x0 = NDArrays.stack(rowsList, 0);
            NDArray noise = gaussian(scope, x0.getShape(), r);
            NDArray noisy = noising.noisy(x0, noise, t);
            NDArray idArray = scope.create(batchIds, new Shape(b, ids[0].length));
            NDArray text = parts.textEncoder().forward(idArray, TokenEmbeddingOverrides.of(placeholderId, row))
                .lastHiddenState();
            float[] tf = new float[b];
            for (int i = 0; i < b; i++) {
              tf[i] = t[i];
            }
            NDArray tArray = scope.create(tf);
            NDArray input = conditions == null ? noisy : noisy.concat(NDArrays.stack(conditionList, 0), 1);
            NDArray prediction = parts.unet().forward(input, tArray, text);
            Map<LossInput<?>, Object> in = new LinkedHashMap<>();
            in.put(LossInput.PREDICTION, prediction);
            in.put(LossInput.TARGET, noising.target(x0, noise, t));
            in.put(LossInput.TIMESTEPS, tArray);
            in.put(LossInput.LEARNED_EMBEDDINGS, row.reshape(1, -1));
            in.put(LossInput.WORDS_BY_PART_OF_SPEECH, wordEmbeddings);
            if (masked) {
              in.put(LossInput.MASK, NDArrays.stack(maskList, 0));
            }
            return in;
          });
      if (settings.checkpoints() != null) {
        builder.checkpoints(new CheckpointStore(settings.checkpoints(), 2), Math.max(1, settings.steps() / 10));
      }
      try (Trainer trainer = builder.build()) {
        trainer.resume();
        Map<String, Double> last = trainer.train(settings.steps(), progress, listener, cancellation);
        LOG.info("relation {} learned in {} steps; last losses {}", settings.placeholder(), settings.steps(), last);
      }
      NDArray learned = row.duplicate();
      learned.attach(manager);
      return new LearnedToken(settings.placeholder(), learned);
    }
  }

  /** The exemplars in the denoiser's space, [N, C, h, w], as constants. */
  private NDArray encode(List<Exemplar> exemplars, NDManager manager) {
    try (GradMode off = GradMode.disabled(); NDManager scope = manager.newSubManager()) {
      NDList pictures = new NDList();
      for (Exemplar e : exemplars) {
        pictures.add(PictureTensors.toTensor(e.picture(), scope));
      }
      NDArray pixels = NDArrays.concat(pictures, 0);
      NDArray latents = parts.codec().encode(pixels);
      latents.attach(manager);
      return latents;
    }
  }

  /**
   * What an inpainting UNet is shown beside each exemplar's noisy latent, [N, 1 + C, h, w]: the exemplar's region
   * at the latents' resolution and the latent of the picture with the region blanked, as an edit shows it; an
   * exemplar without a region is shown the whole picture blanked, as text to image is. The token then learns what
   * fills the region.
   */
  private NDArray inpaintingConditions(List<Exemplar> exemplars, NDArray latents, NDManager manager) {
    int lh = (int) latents.getShape().get(2);
    int lw = (int) latents.getShape().get(3);
    try (GradMode off = GradMode.disabled(); NDManager scope = manager.newSubManager()) {
      NDList conditions = new NDList();
      for (Exemplar e : exemplars) {
        Picture p = e.picture();
        if (e.region().isEmpty()) {
          conditions.add(InpaintingPredictor.wholePicture(parts.codec(), lh, lw, scope).get(0));
          continue;
        }
        Mask region = e.region().get().toMask(p.width(), p.height());
        NDArray mask = RegionMasks.latent(e.region().get(), p.width(), p.height(), lh, lw, scope);
        conditions.add(InpaintingPredictor.condition(mask, InpaintingPredictor.blankedLatent(parts.codec(), p, region,
            scope)).get(0));
      }
      NDArray out = NDArrays.stack(conditions, 0);
      out.attach(manager);
      return out;
    }
  }

  /** Each exemplar's region at the latents' resolution, [N, 1, h, w] (all ones where it has none). */
  private static NDArray masks(List<Exemplar> exemplars, NDArray latents, NDManager manager) {
    int lh = (int) latents.getShape().get(2);
    int lw = (int) latents.getShape().get(3);
    try (NDManager scope = manager.newSubManager()) {
      NDList masks = new NDList();
      for (Exemplar e : exemplars) {
        Picture p = e.picture();
        masks.add(e.region().map(r -> RegionMasks.latent(r, p.width(), p.height(), lh, lw, scope).get(0))
            .orElseGet(() -> scope.ones(new Shape(1, lh, lw))));
      }
      NDArray out = NDArrays.stack(masks, 0);
      out.attach(manager);
      return out;
    }
  }

  private long[][] tokenIds(List<Exemplar> exemplars) {
    long[][] out = new long[exemplars.size()][];
    for (int i = 0; i < exemplars.size(); i++) {
      int[] one = parts.tokenizer().encode(exemplars.get(i).caption());
      out[i] = java.util.Arrays.stream(one).asLongStream().toArray();
    }
    return out;
  }

  /** Standard normal noise from the step's random source, so a resumed run draws the same noise. */
  static NDArray gaussian(NDManager manager, Shape shape, SplittableRandom r) {
    float[] v = new float[(int) shape.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) nextGaussian(r);
    }
    return manager.create(v, shape);
  }

  /** Box-Muller: SplittableRandom has no nextGaussian before Java 17's RandomGenerator default. */
  private static double nextGaussian(SplittableRandom r) {
    double u = 1.0 - r.nextDouble();
    double v = r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
