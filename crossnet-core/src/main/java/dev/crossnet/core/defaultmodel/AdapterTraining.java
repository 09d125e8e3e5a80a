package dev.crossnet.core.defaultmodel;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.api.loss.LossInput;
import dev.crossnet.api.loss.LossProvider;
import dev.crossnet.api.loss.LossTerm;
import dev.crossnet.api.loss.OptimizerOptions;
import dev.crossnet.api.loss.ParameterGroup;
import dev.crossnet.api.plugin.PluginRegistry;
import dev.crossnet.api.progress.Cancellation;
import dev.crossnet.api.progress.ProgressListener;
import dev.crossnet.core.edit.SubjectPrompt;
import dev.crossnet.core.edit.WordRows;
import dev.crossnet.core.model.DiffusionModel;
import dev.crossnet.core.model.clip.ClipVisionModel;
import dev.crossnet.core.model.clip.TokenEmbeddingOverrides;
import dev.crossnet.core.model.unet.ImagePrompt;
import dev.crossnet.core.model.unet.InpaintingUnets;
import dev.crossnet.core.model.unet.IpAdapter;
import dev.crossnet.core.nn.AttentionCall;
import dev.crossnet.core.nn.AttentionHook;
import dev.crossnet.core.nn.GradMode;
import dev.crossnet.core.nn.RegionPooling;
import dev.crossnet.core.train.CheckpointStore;
import dev.crossnet.core.train.Trainer;
import dev.crossnet.core.train.TrainingListener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Trains an image adapter for a frozen model: the IP-Adapter (parameter group "adapter", with the
 * "reconstruction" loss), and the image encoder too where its learning rate is above 0 (group "image_encoder"),
 * learn to predict the noise of a scene's
 * latent from the scene's caption with the figure named by a neutral word and from a picture of the figure's look
 * ({@link AdapterExamples}), the image prompt weighted to the figure's region in every cross-attention, and the
 * loss counted inside that region only (what the image prompt can change). Some
 * examples drop the picture (its embedding zeroed, as classifier-free guidance's unconditional half has it), and
 * some the region (the prompt acts everywhere, as in text-to-image with an image prompt). An inpainting UNet
 * ({@link InpaintingUnets}) is shown each example's scene with the edit's region blanked ({@link AdapterConditions}),
 * as an edit shows it the bedrock.
 */
public final class AdapterTraining {

  /**
   * @param learningRate AdamW learning rate of the adapter
   * @param encoderLearningRate AdamW learning rate of the image encoder; 0 keeps it frozen
   * @param captionShares how often each {@link AdapterExamples.CaptionForm} is drawn (normalised)
   * @param imageDropout share of examples whose picture is dropped
   * @param regionDropout share of examples whose image prompt acts on the whole picture
   * @param averageDecay decay of the weights' moving average (0: none)
   */
  public record Settings(double learningRate, double encoderLearningRate, double[] captionShares, double imageDropout,
      double regionDropout, double averageDecay) {

    public Settings {
      captionShares = captionShares.clone();
      if (captionShares.length != AdapterExamples.CaptionForm.values().length) {
        throw new IllegalArgumentException("need one share per caption form "
            + List.of(AdapterExamples.CaptionForm.values()) + ", got " + captionShares.length);
      }
    }

    /**
     * The default model's: adapter 5e-4, encoder frozen, captions 40/30/20/10 %, 10 % without picture, 10 % without
     * region.
     */
    public static Settings standard() {
      return new Settings(5e-4, 0, new double[] {0.4, 0.3, 0.2, 0.1}, 0.1, 0.1, 0.998);
    }

    /** These settings with other learning rates (the encoder's 0 keeps it frozen). */
    public Settings withLearningRates(double adapter, double encoder) {
      return new Settings(adapter, encoder, captionShares, imageDropout, regionDropout, averageDecay);
    }

    @Override
    public double[] captionShares() {
      return captionShares.clone();
    }
  }

  private AdapterTraining() {}

  /**
   * Trains the encoder and the adapter in place (resuming from the run's checkpoints when there are some); the
   * model is not changed.
   *
   * @param latents the unscaled latents of the scenes, indexed by {@link AdapterExamples#scene(int)}
   * @param conditions the examples' blanked scenes, required for an inpainting UNet and refused for any other
   * @param alphasCumprod the model's training noise schedule
   * @param predictsV whether the UNet predicts v (else the noise)
   * @return the last step's loss values
   */
  public static Map<String, Double> train(DiffusionModel model, ClipVisionModel encoder, IpAdapter adapter,
      AdapterExamples examples, LatentSet latents, Optional<AdapterConditions> conditions, double[] alphasCumprod,
      boolean predictsV, TrainingRun run, Settings settings, PluginRegistry<LossProvider> losses,
      NDManager manager, ProgressListener progress, TrainingListener listener, Cancellation cancellation) {
    checkConditions(model, conditions);
    float scale = model.vae().map(v -> v.config().scalingFactor()).orElse(1f);
    Map<String, NDArray> parameters = new LinkedHashMap<>(encoder.namedParameters());
    parameters.putAll(adapter.namedParameters());
    List<ParameterGroup> groups = new ArrayList<>();
    if (settings.encoderLearningRate() > 0) {
      groups.add(ParameterGroup.named("image_encoder")
          .parameters(new ArrayList<>(encoder.namedParameters().keySet()))
          .optimizer(OptimizerOptions.adamW(settings.encoderLearningRate()).withGradientClip(1.0))
          .loss(LossTerm.of("reconstruction", 1.0))
          .build());
    }
    ParameterGroup ip = ParameterGroup.named("adapter")
        .parameters(new ArrayList<>(adapter.namedParameters().keySet()))
        .optimizer(OptimizerOptions.adamW(settings.learningRate()).withGradientClip(1.0))
        .loss(LossTerm.of("reconstruction", 1.0))
        .build();
    groups.add(ip);
    try (NDManager textScope = manager.newSubManager()) {
      CaptionStates states = new CaptionStates(model, textScope);
      Trainer.Builder builder = Trainer.builder()
          .parameters(parameters)
          .groups(groups)
          .losses(losses)
          .seed(run.seed())
          .averaging(settings.averageDecay())
          .stateManager(manager.newSubManager())
          .metadata(Map.of("model", "image-adapter"))
          .step((scope, step) -> forward(model, encoder, adapter, examples, latents, conditions, scale, states,
              alphasCumprod, predictsV, run, settings, step, scope));
      run.checkpoints().ifPresent(dir -> builder.checkpoints(new CheckpointStore(dir, 2), run.checkpointEvery()));
      try (Trainer trainer = builder.build()) {
        return TrainingRun.runInChunks(trainer, run, progress, listener, cancellation);
      }
    }
  }

  /**
   * The mean squared denoising error inside each example's figure region, with the figure's picture and with a
   * zero image embedding (the adapter's "no picture"), over every example at fixed timesteps (spread over the
   * schedule) and fixed noise, captions "a &lt;subject&gt; pose": how much of the figure the picture tells the model.
   *
   * @return {error with the picture, error without}
   */
  public static double[] regionError(DiffusionModel model, ClipVisionModel encoder, IpAdapter adapter,
      AdapterExamples examples, LatentSet latents, Optional<AdapterConditions> conditions, double[] alphasCumprod,
      boolean predictsV, NDManager manager) {
    checkConditions(model, conditions);
    float scale = model.vae().map(v -> v.config().scalingFactor()).orElse(1f);
    double[] sums = new double[2];
    try (NDManager textScope = manager.newSubManager(); GradMode off = GradMode.disabled()) {
      CaptionStates states = new CaptionStates(model, textScope);
      int b = 16;
      for (int start = 0; start < examples.count(); start += b) {
        int n = Math.min(b, examples.count() - start);
        int[] indices = java.util.stream.IntStream.range(start, start + n).toArray();
        int[] scenes = java.util.Arrays.stream(indices).map(examples::scene).toArray();
        try (NDManager scope = manager.newSubManager()) {
          float[] x0 = latents.scaled(scenes, scale);
          int per = x0.length / n;
          SplittableRandom r = new SplittableRandom(17L + start);
          float[] noise = new float[x0.length];
          float[] noisy = new float[x0.length];
          float[] target = new float[x0.length];
          float[] timesteps = new float[n];
          float[][] regions = new float[n][];
          List<float[]> rows = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            int t = (int) ((indices[i] * 0.618034 % 1.0) * (alphasCumprod.length - 1));
            timesteps[i] = t;
            ForwardNoise.apply(x0, i * per, (i + 1) * per, alphasCumprod[t], predictsV, r, noise, noisy, target);
            regions[i] = examples.region(indices[i]);
            rows.add(states.of(examples.captions(indices[i]).get(0)));
          }
          int length = states.length();
          int width = states.width();
          float[] text = new float[n * length * width];
          for (int i = 0; i < n; i++) {
            System.arraycopy(rows.get(i), 0, text, i * length * width, length * width);
          }
          Shape shape = latents.shape(n);
          NDArray mask = lossMask(regions, examples.size(), (int) shape.get(3), (int) shape.get(2), scope);
          NDArray crops = examples.crops(indices, encoder.config().imageSize(), scope);
          NDArray input = unetInput(noisy, indices, new boolean[n], conditions, scale, shape, scope);
          for (int v = 0; v < 2; v++) {
            float[] keep = new float[n];
            java.util.Arrays.fill(keep, v == 0 ? 1f : 0f);
            NDArray prediction = model.unet().forward(input, scope.create(timesteps),
                scope.create(text, new Shape(n, length, width)), new RegionWeights(regions, examples.size()),
                new ImagePrompt(adapter, imageTokens(encoder, adapter, crops, keep, scope), 1f));
            NDArray err = prediction.sub(scope.create(target, shape)).square().mul(mask);
            sums[v] += err.sum().getFloat() / (mask.sum().getFloat() * shape.get(1)) * n;
          }
        }
      }
    }
    return new double[] {sums[0] / examples.count(), sums[1] / examples.count()};
  }

  private static void checkConditions(DiffusionModel model, Optional<AdapterConditions> conditions) {
    boolean inpainting = InpaintingUnets.isInpainting(model.unet().config());
    if (inpainting && conditions.isEmpty()) {
      throw new IllegalArgumentException("the model's UNet is an inpainting UNet: give the examples' blanked scenes "
          + "(AdapterConditions.encode)");
    }
    if (!inpainting && conditions.isPresent()) {
      throw new IllegalArgumentException("blanked scenes were given, but the model's UNet reads "
          + model.unet().config().inChannels() + " channels, not an inpainting UNet's");
    }
  }

  /** The UNet's input: the noisy latents, with the inpainting condition beside them where there is one. */
  private static NDArray unetInput(float[] noisy, int[] examples, boolean[] wholePicture,
      Optional<AdapterConditions> conditions, float scale, Shape shape, NDManager scope) {
    return conditions.map(c -> c.input(noisy, examples, wholePicture, scale, shape, scope))
        .orElseGet(() -> scope.create(noisy, shape));
  }

  private static Map<LossInput<?>, Object> forward(DiffusionModel model, ClipVisionModel encoder, IpAdapter adapter,
      AdapterExamples examples, LatentSet latents, Optional<AdapterConditions> conditions, float scale,
      CaptionStates states, double[] alphasCumprod, boolean predictsV, TrainingRun run, Settings settings, int step,
      NDManager scope) {
    int b = run.batch();
    int[] indices = FigureWorldImages.batchIndices(run.seed(), step, b, examples.count());
    int[] scenes = new int[b];
    for (int i = 0; i < b; i++) {
      scenes[i] = examples.scene(indices[i]);
    }
    SplittableRandom r = new SplittableRandom(run.seed() * 0x94D049BB133111EBL + step * 7919L + 3);
    float[] x0 = latents.scaled(scenes, scale);
    int per = x0.length / b;
    float[] noise = new float[x0.length];
    float[] noisy = new float[x0.length];
    float[] target = predictsV ? new float[x0.length] : noise;
    float[] timesteps = new float[b];
    float[] keep = new float[b];
    float[][] regions = new float[b][];
    List<float[]> text = new ArrayList<>();
    double[] shares = settings.captionShares();
    double total = 0;
    for (double s : shares) {
      total += s;
    }
    for (int i = 0; i < b; i++) {
      int t = r.nextInt(alphasCumprod.length);
      timesteps[i] = t;
      ForwardNoise.apply(x0, i * per, (i + 1) * per, alphasCumprod[t], predictsV, r, noise, noisy, target);
      double u = r.nextDouble() * total;
      int form = 0;
      while (form < shares.length - 1 && u >= shares[form]) {
        u -= shares[form];
        form++;
      }
      text.add(states.of(examples.captions(indices[i]).get(form)));
      keep[i] = r.nextDouble() < settings.imageDropout() ? 0 : 1;
      regions[i] = r.nextDouble() < settings.regionDropout() ? null : examples.region(indices[i]);
    }
    Shape shape = latents.shape(b);
    int length = states.length();
    int width = states.width();
    float[] flatText = new float[b * length * width];
    for (int i = 0; i < b; i++) {
      System.arraycopy(text.get(i), 0, flatText, i * length * width, length * width);
    }
    int side = encoder.config().imageSize();
    ImagePrompt prompt = new ImagePrompt(adapter,
        imageTokens(encoder, adapter, examples.crops(indices, side, scope), keep, scope), 1f);
    AttentionHook hook = new RegionWeights(regions, examples.size());
    boolean[] wholePicture = new boolean[b];
    for (int i = 0; i < b; i++) {
      wholePicture[i] = regions[i] == null;
    }
    NDArray input = unetInput(noisy, indices, wholePicture, conditions, scale, shape, scope);
    NDArray prediction = model.unet().forward(input,
        scope.create(timesteps).toType(DataType.FLOAT32, false), scope.create(flatText, new Shape(b, length, width)),
        hook, prompt);
    Map<LossInput<?>, Object> out = new LinkedHashMap<>();
    out.put(LossInput.PREDICTION, prediction);
    out.put(LossInput.TARGET, scope.create(target, shape));
    out.put(LossInput.TIMESTEPS, scope.create(timesteps));
    out.put(LossInput.MASK, lossMask(regions, examples.size(), (int) shape.get(3), (int) shape.get(2), scope));
    return out;
  }

  /**
   * The image-prompt tokens of the crops [B, 3, side, side]: a plain adapter projects their pooled embeddings, a
   * Plus resampler reads their patch features (the encoder's penultimate hidden state). An example whose
   * {@code keep} is 0 has no picture: a zero embedding, or for Plus a zero (normalised) picture, as
   * {@link dev.crossnet.core.model.ImageAdapter#emptyPromptTokens} makes guidance's unconditional half.
   */
  static NDArray imageTokens(ClipVisionModel encoder, IpAdapter adapter, NDArray crops, float[] keep,
      NDManager scope) {
    int b = keep.length;
    if (adapter.readsPatchFeatures()) {
      NDArray kept = crops.mul(scope.create(keep, new Shape(b, 1, 1, 1)));
      return adapter.project(encoder.forward(kept).penultimateHiddenState());
    }
    return adapter.project(encoder.forward(crops).imageEmbeds().mul(scope.create(keep, new Shape(b, 1))));
  }

  /**
   * Where the loss counts, [B, 1, h, w]: each example's region at the latent's resolution (what the image prompt
   * can change), or everywhere for an example without one.
   */
  private static NDArray lossMask(float[][] regions, int size, int w, int h, NDManager scope) {
    return scope.create(pooled(regions, size, w, h), new Shape(regions.length, 1, h, w));
  }

  /** The regions pooled to w x h, one after another; a null region is 1 everywhere. */
  private static float[] pooled(float[][] regions, int size, int w, int h) {
    float[] out = new float[regions.length * h * w];
    for (int i = 0; i < regions.length; i++) {
      if (regions[i] == null) {
        java.util.Arrays.fill(out, i * h * w, (i + 1) * h * w, 1f);
      } else {
        System.arraycopy(RegionPooling.pool(regions[i], size, size, w, h), 0, out, i * h * w, h * w);
      }
    }
    return out;
  }

  /** Each example's region as the image prompt's per-query weight; a null region weighs every query 1. */
  private static final class RegionWeights implements AttentionHook {

    private final float[][] regions;
    private final int size;

    RegionWeights(float[][] regions, int size) {
      this.regions = regions;
      this.size = size;
    }

    @Override
    public NDArray imageWeight(AttentionCall call, NDManager manager) {
      int h = (int) call.height();
      int w = (int) call.width();
      return manager.create(pooled(regions, size, w, h), new Shape(regions.length, (long) h * w, 1));
    }
  }
}
