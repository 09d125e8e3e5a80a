package dev.crossnet.core.relation;

import ai.djl.ndarray.NDArray;
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
import dev.crossnet.core.image.PictureTensors;
import dev.crossnet.core.model.clip.TokenEmbeddingOverrides;
import dev.crossnet.core.nn.AttentionMapRecorder;
import dev.crossnet.core.nn.GradMode;
import dev.crossnet.core.pipeline.TextToImageRequest;
import dev.crossnet.core.train.Trainer;
import dev.crossnet.core.train.TrainingListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes how many instances of a subject a picture shows by optimising the subject word's embedding row
 * (option (a) of the design: the token, not the latent) with the "gram-count" loss on its cross-attention
 * maps. The picture is first drawn as the prompt asks; each step then noises that picture to a timestep drawn
 * by {@link TimestepImportanceSampler} (noisy steps decide the layout), runs the UNet with an
 * {@link AttentionMapRecorder} on its cross-attention layers, and feeds the subject token's maps (one
 * [B, h, w] per layer) and the requested count to the trainer. The picture is then drawn again, same seed,
 * with the steered row in place of the word's.
 *
 * <pre>{@code
 * CountSteering.Result r = new CountSteering(DiffusionParts.of(model), CountSteering.Settings.defaults(40))
 *     .draw(TextToImageRequest.of("two small red dogs sitting in a park"), "dogs", 3, TrainingListener.NONE, m);
 * r.after().write(Path.of("three-dogs.png"));
 * }</pre>
 */
public final class CountSteering {

  private static final Logger LOG = LoggerFactory.getLogger(CountSteering.class);
  /** The parameter group's name. */
  public static final String GROUP = "count-token";

  /**
   * @param steps optimisation steps
   * @param learningRate AdamW learning rate of the row
   * @param minMapCells cross-attention layers with fewer query cells than this are ignored (too coarse to
   *     separate instances)
   * @param importanceAlpha skewness of the timestep sampler (0.5 as ReVersion)
   * @param resampleNoise draw a new timestep and noise every step (true), or keep step 0's (a fixed objective)
   * @param seed seed of the noise and timesteps
   * @param countConfig settings of the gram-count plugin
   */
  public record Settings(int steps, double learningRate, int minMapCells, double importanceAlpha,
      boolean resampleNoise, long seed, PluginConfig countConfig) {

    public Settings {
      if (steps < 1) {
        throw new IllegalArgumentException("count steering needs at least one step, got " + steps);
      }
    }

    public static Settings defaults(int steps) {
      return new Settings(steps, 5e-3, 64, TimestepImportanceSampler.REVERSION_ALPHA, true, 0, PluginConfig.empty());
    }

    public Settings withLearningRate(double value) {
      return new Settings(steps, value, minMapCells, importanceAlpha, resampleNoise, seed, countConfig);
    }

    public Settings withMinMapCells(int value) {
      return new Settings(steps, learningRate, value, importanceAlpha, resampleNoise, seed, countConfig);
    }

    public Settings withFixedNoise() {
      return new Settings(steps, learningRate, minMapCells, importanceAlpha, false, seed, countConfig);
    }
  }

  /**
   * @param before the picture drawn from the prompt as written
   * @param after the same request drawn with the steered row
   * @param token the steered row, keyed by the subject's token (e.g. {@code "dogs</w>"})
   * @param losses the weighted gram-count loss of every step
   */
  public record Result(Picture before, Picture after, LearnedToken token, List<Double> losses) {}

  private final DiffusionParts parts;
  private final Settings settings;
  private final PluginRegistry<LossProvider> losses;

  public CountSteering(DiffusionParts parts, Settings settings) {
    this(parts, settings, PluginRegistry.discover(LossProvider.class, "loss", "add crossnet-losses to the class path"));
  }

  public CountSteering(DiffusionParts parts, Settings settings, PluginRegistry<LossProvider> losses) {
    parts.requireTextToImage("count steering");
    this.parts = parts;
    this.settings = settings;
    this.losses = losses;
  }

  /** Draws the request, steers the subject's count, and draws it again. */
  public Result draw(TextToImageRequest request, String subjectWord, int count, TrainingListener listener,
      NDManager manager) {
    Picture before = LearnedTokenPromptEncoder.textToImage(parts, List.of()).generate(request, manager);
    List<Double> values = new ArrayList<>();
    TrainingListener both = (step, l) -> {
      values.add(l.get(GROUP));
      listener.onStep(step, l);
    };
    LearnedToken token;
    try (NDManager scope = manager.newSubManager()) {
      NDArray x0;
      try (GradMode off = GradMode.disabled()) {
        x0 = parts.codec().encode(PictureTensors.toTensor(before, scope));
      }
      token = steer(request.prompt(), subjectWord, count, x0, both, manager);
    }
    Picture after = LearnedTokenPromptEncoder.textToImage(parts, List.of(token)).generate(request, manager);
    LOG.info("count steering of '{}' to {}: loss {} -> {}", subjectWord, count, values.get(0),
        values.get(values.size() - 1));
    return new Result(before, after, token, values);
  }

  /**
   * Optimises the subject word's row so that its attention over the clean sample {@code x0} [1, C, h, w]
   * shows {@code count} instances; the row lives in {@code manager}.
   */
  public LearnedToken steer(String prompt, String subjectWord, int count, NDArray x0, TrainingListener listener,
      NDManager manager) {
    String token = subjectWord + "</w>";
    int tokenId = parts.tokenizer().tokenId(token).orElseThrow(() -> new IllegalArgumentException("'"
        + subjectWord + "' is not a whole token of the tokenizer; steer a word the vocabulary keeps whole"));
    int[] ids = parts.tokenizer().encode(prompt);
    int position = -1;
    for (int i = 0; i < ids.length && position < 0; i++) {
      position = ids[i] == tokenId ? i : -1;
    }
    if (position < 0) {
      throw new IllegalArgumentException("the prompt '" + prompt + "' does not contain the subject word '"
          + subjectWord + "'");
    }
    final int column = position;
    try (NDManager work = manager.newSubManager()) {
      NDArray row = parts.textEncoder().tokenEmbeddings().get(tokenId).duplicate();
      row.attach(work);
      NDArray clean = x0.duplicate();
      clean.attach(work);
      NDArray idArray = work.create(java.util.Arrays.stream(ids).asLongStream().toArray(), new Shape(1, ids.length));
      ForwardNoising noising = ForwardNoising.from(parts.schedulerConfig());
      TimestepImportanceSampler timesteps = new TimestepImportanceSampler(noising.schedule().trainTimesteps(),
          settings.importanceAlpha());
      ParameterGroup group = ParameterGroup.named(GROUP).parameters(List.of("token:" + token))
          .optimizer(OptimizerOptions.adamW(settings.learningRate()))
          .loss(new LossTerm("gram-count", 1.0, 0, settings.countConfig())).build();
      Trainer trainer = Trainer.builder()
          .parameters(Map.of("token:" + token, row))
          .groups(List.of(group))
          .losses(losses)
          .supplies(Set.of(LossInput.TOKEN_ATTENTION_MAPS, LossInput.REQUESTED_COUNT))
          .seed(settings.seed())
          .stateManager(work.newSubManager())
          .step((scope, step) -> {
            SplittableRandom r = new SplittableRandom(settings.seed() * 31 + (settings.resampleNoise() ? step : 0));
            int t = timesteps.sample(r);
            NDArray noise = RelationInversion.gaussian(scope, clean.getShape(), r);
            NDArray noisy = noising.noisy(clean, noise, new int[] {t});
            NDArray text = parts.textEncoder().forward(idArray, TokenEmbeddingOverrides.of(tokenId, row))
                .lastHiddenState();
            AttentionMapRecorder recorder = new AttentionMapRecorder(scope,
                call -> call.cross() && call.queries() >= settings.minMapCells());
            parts.unet().forward(noisy, scope.create(new float[] {t}), text, recorder);
            NDList maps = tokenMaps(recorder.maps(), column, clean.getShape());
            if (maps.isEmpty()) {
              throw new IllegalStateException("no cross-attention layer has at least " + settings.minMapCells()
                  + " query cells at this picture size; lower minMapCells or draw larger pictures");
            }
            Map<LossInput<?>, Object> in = new LinkedHashMap<>();
            in.put(LossInput.TOKEN_ATTENTION_MAPS, maps);
            in.put(LossInput.REQUESTED_COUNT, scope.create(new float[] {count}));
            return in;
          })
          .build();
      try (trainer) {
        trainer.train(settings.steps(), ProgressListener.NONE, listener, Cancellation.never());
      }
      NDArray steered = row.duplicate();
      steered.attach(manager);
      return new LearnedToken(token, steered);
    }
  }

  /** Each layer's map of one token, [B, queries, keys] to [B, h, w] with the sample's aspect ratio. */
  private static NDList tokenMaps(Map<String, NDArray> maps, int column, Shape sample) {
    double aspect = (double) sample.get(2) / sample.get(3);
    NDList out = new NDList();
    maps.forEach((layer, m) -> {
      long queries = m.getShape().get(1);
      long h = Math.round(Math.sqrt(queries * aspect));
      long w = queries / h;
      out.add(m.get(":, :, {}", column).reshape(m.getShape().get(0), h, w));
    });
    return out;
  }
}
