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
import dev.crossnet.core.model.DiffusionModel;
import dev.crossnet.core.model.unet.InpaintingUnets;
import dev.crossnet.core.model.unet.UNet2DConditionModel;
import dev.crossnet.core.nn.GradMode;
import dev.crossnet.core.train.CheckpointStore;
import dev.crossnet.core.train.Trainer;
import dev.crossnet.core.train.TrainingListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Trains an inpainting UNet ({@link InpaintingUnets}) of the default model on FigureWorld: each example is a figure's
 * region in a scene, the UNet sees the noisy latent, the region and the latent of the scene with the region blanked,
 * and learns to predict the model's target (noise or v, min-SNR weighted as the model was trained). The text encoder
 * and the autoencoder stay frozen. The loss counts the region fully and the rest of the picture at
 * {@link Settings#outsideWeight()}, since outside the region the answer lies in the condition.
 */
public final class InpaintingTraining {

  /**
   * @param learningRate AdamW learning rate of the UNet
   * @param captionShares the shares of the caption forms: the figure alone, the whole scene, and (the rest) the
   *     empty prompt
   * @param outsideWeight the loss weight of latent cells outside the region (inside: 1)
   * @param minSnrGamma min-SNR loss weighting (0: none)
   * @param averageDecay decay of the exponential moving average of the UNet's weights (0: none); with averaging
   *     on, the UNet holds the averaged weights when training returns
   */
  public record Settings(double learningRate, double[] captionShares, double outsideWeight, double minSnrGamma,
      double averageDecay) {

    public Settings {
      captionShares = captionShares.clone();
      if (captionShares.length != 2 || captionShares[0] < 0 || captionShares[1] < 0
          || captionShares[0] + captionShares[1] > 1) {
        throw new IllegalArgumentException("caption shares are two non-negative shares (figure, scene) summing to "
            + "at most 1; the rest trains with the empty prompt");
      }
      if (!(outsideWeight >= 0 && outsideWeight <= 1)) {
        throw new IllegalArgumentException("the outside weight lies in [0, 1], got " + outsideWeight);
      }
      if (!(averageDecay >= 0 && averageDecay < 1)) {
        throw new IllegalArgumentException("the average decay lies in [0, 1) (0: no average), got " + averageDecay);
      }
    }

    /** The figure alone 65 %, the scene 25 %, empty 10 %; outside 0.25; min-SNR 5; no weight average. */
    public static Settings standard(double learningRate) {
      return new Settings(learningRate, new double[] {0.65, 0.25}, 0.25, 5, 0);
    }

    /** These settings with the weights' moving average of the given decay (0: none). */
    public Settings withAverageDecay(double decay) {
      return new Settings(learningRate, captionShares, outsideWeight, minSnrGamma, decay);
    }

    @Override
    public double[] captionShares() {
      return captionShares.clone();
    }
  }

  /**
   * The examples' latents, encoded once by the model's autoencoder (unscaled means).
   *
   * @param scenes one per scene
   * @param blanked one per example, of its scene with its region blanked
   * @param regions one per example, its region at the latent's resolution
   */
  public record Latents(LatentSet scenes, LatentSet blanked, float[][] regions) {

    /** Encodes the examples' scenes and blanked scenes and maps their regions. */
    public static Latents encode(DiffusionModel model, InpaintingExamples examples, int batch, NDManager manager) {
      var vae = model.vae().orElseThrow(() -> new IllegalArgumentException("inpainting training needs a model "
          + "with an autoencoder"));
      LatentSet scenes = LatentSet.encode(vae, examples.scenes(), examples::scenePixels, batch, manager);
      LatentSet blanked = LatentSet.encode(vae, examples.count(), examples::blankedPixels, batch, manager);
      return new Latents(scenes, blanked, regions(examples, (int) scenes.shape(1).get(2), manager));
    }

    /** The regions at the latent's resolution, for latents read back from files. */
    public static float[][] regions(InpaintingExamples examples, int side, NDManager manager) {
      float[][] out = new float[examples.count()][];
      for (int i = 0; i < out.length; i++) {
        out[i] = examples.latentRegion(i, side, manager);
      }
      return out;
    }
  }

  private InpaintingTraining() {}

  /**
   * Trains {@code unet} in place (resuming from the run's checkpoints when there are some). The model gives the
   * frozen text encoder, the tokenizer and the autoencoder's scaling factor; its own UNet is not used.
   *
   * @return the last step's loss values
   */
  public static Map<String, Double> train(UNet2DConditionModel unet, DiffusionModel model,
      InpaintingExamples examples, Latents latents, double[] alphasCumprod, boolean predictsV, TrainingRun run,
      Settings settings, PluginRegistry<LossProvider> losses, NDManager manager, ProgressListener progress,
      TrainingListener listener, Cancellation cancellation) {
    if (!InpaintingUnets.isInpainting(unet.config())) {
      throw new IllegalArgumentException("the UNet reads " + unet.config().inChannels() + " channels; an inpainting "
          + "UNet reads 2 * " + unet.config().outChannels() + " + 1 (widen it with InpaintingUnets.widen)");
    }
    float scale = model.vae().map(v -> v.config().scalingFactor()).orElse(1f);
    ParameterGroup group = ParameterGroup.named("unet")
        .parameters(new ArrayList<>(unet.namedParameters().keySet()))
        .optimizer(OptimizerOptions.adamW(settings.learningRate()).withGradientClip(1.0))
        .loss(LossTerm.of("reconstruction", 1.0))
        .build();
    try (NDManager textScope = manager.newSubManager()) {
      CaptionStates states = new CaptionStates(model, textScope);
      Trainer.Builder builder = Trainer.builder()
          .parameters(new LinkedHashMap<>(unet.namedParameters()))
          .groups(List.of(group))
          .losses(losses)
          .seed(run.seed())
          .averaging(settings.averageDecay())
          .stateManager(manager.newSubManager())
          .metadata(Map.of("model", "default-model-inpainting"))
          .step((scope, step) -> forward(unet, examples, latents, scale, states, alphasCumprod, predictsV, run,
              settings, step, scope));
      run.checkpoints().ifPresent(dir -> builder.checkpoints(new CheckpointStore(dir, 2), run.checkpointEvery()));
      try (Trainer trainer = builder.build()) {
        return TrainingRun.runInChunks(trainer, run, progress, listener, cancellation);
      }
    }
  }

  /**
   * The mean squared error of the UNet's prediction inside each example's region (the loss's own target, unweighted)
   * over a fixed set of timesteps and noise, so two UNets compare on the same draws.
   */
  public static double regionError(UNet2DConditionModel unet, DiffusionModel model, InpaintingExamples examples,
      Latents latents, double[] alphasCumprod, boolean predictsV, NDManager manager) {
    float scale = model.vae().map(v -> v.config().scalingFactor()).orElse(1f);
    double sum = 0;
    double cells = 0;
    try (NDManager textScope = manager.newSubManager(); GradMode off = GradMode.disabled()) {
      CaptionStates states = new CaptionStates(model, textScope);
      int b = 16;
      for (int start = 0; start < examples.count(); start += b) {
        int n = Math.min(b, examples.count() - start);
        int[] indices = java.util.stream.IntStream.range(start, start + n).toArray();
        try (NDManager scope = manager.newSubManager()) {
          Batch batch = batch(examples, latents, scale, states, alphasCumprod, predictsV, indices,
              new SplittableRandom(23L + start), i -> (int) ((i * 0.618034 % 1.0) * (alphasCumprod.length - 1)),
              i -> 0, 0, scope);
          NDArray prediction = unet.forward(batch.input(), batch.timesteps(), batch.text());
          NDArray region = batch.region();
          sum += prediction.sub(batch.target()).square().mul(region).sum().getFloat();
          cells += region.sum().getFloat() * prediction.getShape().get(1);
        }
      }
    }
    return sum / Math.max(cells, 1);
  }

  private record Batch(NDArray input, NDArray timesteps, NDArray text, NDArray target, NDArray region,
      float[] weights) {}

  private static Batch batch(InpaintingExamples examples, Latents latents, float scale, CaptionStates states,
      double[] alphasCumprod, boolean predictsV, int[] indices, SplittableRandom r,
      java.util.function.IntUnaryOperator timestepOf, java.util.function.IntUnaryOperator captionOf,
      double minSnrGamma, NDManager scope) {
    int b = indices.length;
    int[] scenes = new int[b];
    for (int i = 0; i < b; i++) {
      scenes[i] = examples.scene(indices[i]);
    }
    float[] x0 = latents.scenes().scaled(scenes, scale);
    float[] blanked = latents.blanked().scaled(indices, scale);
    int per = x0.length / b;
    int cells = latents.regions()[indices[0]].length;
    int channels = per / cells;
    float[] noise = new float[x0.length];
    float[] noisy = new float[x0.length];
    float[] target = predictsV ? new float[x0.length] : noise;
    float[] timesteps = new float[b];
    float[] weights = new float[b];
    float[] input = new float[b * (2 * channels + 1) * cells];
    float[] region = new float[b * cells];
    List<String> captions = new ArrayList<>();
    for (int i = 0; i < b; i++) {
      int t = timestepOf.applyAsInt(indices[i]);
      timesteps[i] = t;
      ForwardNoise.apply(x0, i * per, (i + 1) * per, alphasCumprod[t], predictsV, r, noise, noisy, target);
      weights[i] = (float) DiffusionTraining.minSnrWeight(alphasCumprod[t], minSnrGamma, predictsV);
      int base = i * (2 * channels + 1) * cells;
      System.arraycopy(noisy, i * per, input, base, per);
      float[] m = latents.regions()[indices[i]];
      System.arraycopy(m, 0, input, base + per, cells);
      System.arraycopy(blanked, i * per, input, base + per + cells, per);
      System.arraycopy(m, 0, region, i * cells, cells);
      int form = captionOf.applyAsInt(indices[i]);
      captions.add(form < 2 ? examples.captions(indices[i]).get(form) : "");
    }
    Shape latentShape = latents.scenes().shape(b);
    long h = latentShape.get(2);
    long w = latentShape.get(3);
    return new Batch(scope.create(input, new Shape(b, 2L * channels + 1, h, w)),
        scope.create(timesteps).toType(DataType.FLOAT32, false), states.batch(captions, scope),
        scope.create(target, latentShape), scope.create(region, new Shape(b, 1, h, w)), weights);
  }

  private static Map<LossInput<?>, Object> forward(UNet2DConditionModel unet, InpaintingExamples examples,
      Latents latents, float scale, CaptionStates states, double[] alphasCumprod, boolean predictsV, TrainingRun run,
      Settings settings, int step, NDManager scope) {
    int[] indices = FigureWorldImages.batchIndices(run.seed(), step, run.batch(), examples.count());
    SplittableRandom r = new SplittableRandom(run.seed() * 0xD1B54A32D192ED03L + step * 7919L + 5);
    double[] shares = settings.captionShares();
    Batch batch = batch(examples, latents, scale, states, alphasCumprod, predictsV, indices, r,
        i -> r.nextInt(alphasCumprod.length), i -> {
          double u = r.nextDouble();
          return u < shares[0] ? 0 : u < shares[0] + shares[1] ? 1 : 2;
        }, settings.minSnrGamma(), scope);
    NDArray prediction = unet.forward(batch.input(), batch.timesteps(), batch.text());
    Map<LossInput<?>, Object> out = new LinkedHashMap<>();
    out.put(LossInput.PREDICTION, prediction);
    out.put(LossInput.TARGET, batch.target());
    out.put(LossInput.TIMESTEPS, batch.timesteps());
    out.put(LossInput.MASK, batch.region().mul(1 - settings.outsideWeight()).add((float) settings.outsideWeight()));
    if (settings.minSnrGamma() > 0) {
      out.put(LossInput.EXAMPLE_WEIGHTS, scope.create(batch.weights()));
    }
    return out;
  }
}
