package dev.crossnet.core.schedule;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.progress.Progress;
import dev.crossnet.api.progress.ProgressListener;
import dev.crossnet.api.region.Region;
import dev.crossnet.api.sampler.NoiseSchedule;
import dev.crossnet.api.sampler.NoiseSource;
import dev.crossnet.core.image.RegionMasks;
import dev.crossnet.core.image.PictureTensors;
import dev.crossnet.core.model.DiffusionModel;
import dev.crossnet.core.model.unet.InpaintingUnets;
import dev.crossnet.core.nn.GradMode;
import dev.crossnet.core.pipeline.ClipPromptEncoder;
import dev.crossnet.core.pipeline.InpaintingPredictor;
import dev.crossnet.core.pipeline.LatentCodec;
import dev.crossnet.core.pipeline.NoisePredictor;
import dev.crossnet.core.pipeline.UnetPredictor;
import dev.crossnet.core.pipeline.VaeCodec;
import dev.crossnet.core.relation.ForwardNoising;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures a model's {@link FeatureLossSchedule}. Each picture is encoded, noised to every level t with one
 * Gaussian draw ({@code x_t = sqrt(abar_t) x0 + sqrt(1 - abar_t) eps}), denoised with the empty prompt (no
 * guidance) in one step or, where the settings ask for a path, in {@code ceil(pathSteps * t)} deterministic DDIM
 * steps down to 0, the model output turned into x0 as the model's {@code prediction_type} says (epsilon, v or
 * sample), decoded, and compared with the picture inside its region by {@link SelfSimilarityStructure} and
 * {@link ColourHistogramLook}. The floor is the same comparison between picture i and picture i + 1 (the last with
 * the first), unrelated content of the same kind of picture; the ceiling compares each picture with its codec round
 * trip (encoded and decoded, no noise), what a perfect denoiser would give back.
 *
 * <p>Deterministic for a seed. Each picture and each noise level runs in a child of the caller's manager and
 * leaves nothing in it. Cost: one decode per picture and level, and one UNet pass per step of its path.
 */
public final class FeatureLossMeasurement {

  private static final Logger LOG = LoggerFactory.getLogger(FeatureLossMeasurement.class);
  /** The progress phase this measurement reports. */
  public static final String PHASE = "feature-loss";

  private final RegionSignal structure = new SelfSimilarityStructure();
  private final RegionSignal look = new ColourHistogramLook();

  /**
   * Measures the schedule.
   *
   * @param model the model (its folder gives {@link ModelIdentity})
   * @param pictures at least 2 pictures of one size, which the model's codec and UNet accept
   * @param settings noise levels and seed
   * @param progress told after each prediction (phase {@value #PHASE})
   * @param observer sees each decoded prediction
   * @param manager the parent of the measurement's own managers; left as it was
   */
  public FeatureLossSchedule measure(DiffusionModel model, List<MaskedPicture> pictures, FeatureLossSettings settings,
      ProgressListener progress, PredictionObserver observer, NDManager manager) {
    return measure(model, ModelIdentity.of(model), pictures, settings, progress, observer, manager);
  }

  FeatureLossSchedule measure(DiffusionModel model, String identity, List<MaskedPicture> pictures,
      FeatureLossSettings settings, ProgressListener progress, PredictionObserver observer, NDManager manager) {
    long start = System.nanoTime();
    NoisePredictor predictor = new UnetPredictor(model.unet());
    LatentCodec codec = model.vae().<LatentCodec>map(VaeCodec::new).orElseGet(LatentCodec::pixels);
    checkPictures(pictures, codec.downscale() * predictor.sizeMultiple());
    ForwardNoising noising = ForwardNoising.from(model.schedulerConfig());
    NoiseSchedule schedule = noising.schedule();
    List<Double> ts = settings.fractions();
    int n = pictures.size();
    double[] structureSum = new double[ts.size()];
    double[] lookSum = new double[ts.size()];
    double structureCeiling = 0;
    double lookCeiling = 0;
    NoiseSource noise = NoiseSource.seeded(settings.seed());
    ClipPromptEncoder prompts = new ClipPromptEncoder(model.tokenizer(), model.textEncoder());
    int total = n * ts.size();
    try (GradMode off = GradMode.disabled()) {
      Latent text = Latent.of(prompts.encode(List.of(""), manager));
      for (int p = 0; p < n; p++) {
        MaskedPicture source = pictures.get(p);
        Latent clean;
        Latent eps;
        try (NDManager scope = manager.newSubManager()) {
          clean = Latent.of(codec.encode(PictureTensors.toTensor(source.picture(), scope)));
          eps = Latent.of(noise.next(scope, clean.shape()));
          Picture roundTrip = PictureTensors.toPicture(codec.decode(clean.in(scope)));
          structureCeiling += structure.agreement(source.picture(), roundTrip, source.region());
          lookCeiling += look.agreement(source.picture(), roundTrip, source.region());
        }
        try (NDManager pictureScope = manager.newSubManager()) {
          NoisePredictor denoiser = InpaintingUnets.isInpainting(model.unet().config())
              ? inpainting(predictor, codec, source, clean.shape(), pictureScope) : predictor;
          for (int k = 0; k < ts.size(); k++) {
            Picture x0;
            try (NDManager scope = pictureScope.newSubManager()) {
              x0 = predict(denoiser, codec, noising, settings, ts.get(k), clean, eps, text, scope);
            }
            structureSum[k] += structure.agreement(source.picture(), x0, source.region());
            lookSum[k] += look.agreement(source.picture(), x0, source.region());
            observer.onPrediction(p, ts.get(k), source, x0);
            progress.onProgress(new Progress(PHASE, p * ts.size() + k + 1, total));
          }
        }
      }
    }
    double structureFloor = 0;
    double lookFloor = 0;
    for (int p = 0; p < n; p++) {
      MaskedPicture source = pictures.get(p);
      Picture unrelated = pictures.get((p + 1) % n).picture();
      structureFloor += structure.agreement(source.picture(), unrelated, source.region());
      lookFloor += look.agreement(source.picture(), unrelated, source.region());
    }
    FeatureLossPoint[] points = new FeatureLossPoint[ts.size()];
    for (int k = 0; k < ts.size(); k++) {
      points[k] = new FeatureLossPoint(ts.get(k), FeatureLossSettings.timestep(ts.get(k), schedule.trainTimesteps()),
          structureSum[k] / n, lookSum[k] / n);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    FeatureLossSchedule result = new FeatureLossSchedule(identity, ScheduleCache.key(identity, settings, pictures),
        settings, n, List.of(points), structureFloor / n, lookFloor / n, structureCeiling / n, lookCeiling / n, seconds);
    LOG.info("feature-loss schedule of {} measured on {} pictures at {} noise levels in {} s: strength {}, "
        + "ILVR until {}", model.source(), n, ts.size(), String.format(java.util.Locale.ROOT, "%.1f", seconds),
        result.strength(), String.format(java.util.Locale.ROOT, "%.2f", result.ilvrUntil()));
    return result;
  }

  /**
   * The decoded x0 prediction of one picture at noise level t: the model's one-step prediction when the settings ask
   * for one step, else the end of a deterministic DDIM path of {@code settings.stepsAt(t)} steps from t down to 0.
   */
  private static Picture predict(NoisePredictor predictor, LatentCodec codec, ForwardNoising noising,
      FeatureLossSettings settings, double t, Latent clean, Latent eps, Latent text, NDManager scope) {
    NoiseSchedule schedule = noising.schedule();
    int steps = settings.stepsAt(t);
    int timestep = FeatureLossSettings.timestep(t, schedule.trainTimesteps());
    NDArray noisy = noising.noisy(clean.in(scope), eps.in(scope), new int[] {timestep});
    float[] xt = noisy.toFloatArray();
    float[] x0 = null;
    for (int j = 0; j < steps; j++) {
      int at = FeatureLossSettings.timestep(t * (steps - j) / steps, schedule.trainTimesteps());
      try (NDManager step = scope.newSubManager()) {
        NDArray out = predictor.predict(step.create(xt, clean.shape()), at, text.in(step), List.of());
        double abar = schedule.alphaCumprod(at);
        x0 = x0(noising.predictionType(), out.toFloatArray(), xt, abar);
        if (j + 1 < steps) {
          int next = FeatureLossSettings.timestep(t * (steps - j - 1) / steps, schedule.trainTimesteps());
          xt = ddimStep(xt, x0, abar, schedule.alphaCumprod(next));
        }
      }
    }
    return PictureTensors.toPicture(codec.decode(scope.create(x0, clean.shape())));
  }

  /** A deterministic DDIM step: the noise implied by x_t and x0, re-applied at the next level's abar. */
  static float[] ddimStep(float[] xt, float[] x0, double abar, double abarNext) {
    double a = Math.sqrt(abar);
    double b = Math.sqrt(1 - abar);
    double an = Math.sqrt(abarNext);
    double bn = Math.sqrt(1 - abarNext);
    float[] next = new float[xt.length];
    for (int i = 0; i < xt.length; i++) {
      double eps = (xt[i] - a * x0[i]) / b;
      next[i] = (float) (an * x0[i] + bn * eps);
    }
    return next;
  }

  /** x0 from the model output at x_t, as the model was trained to predict. */
  static float[] x0(String prediction, float[] out, float[] xt, double abar) {
    double a = Math.sqrt(abar);
    double b = Math.sqrt(1 - abar);
    float[] x0 = new float[out.length];
    for (int i = 0; i < out.length; i++) {
      x0[i] = switch (prediction) {
        case "epsilon" -> (float) ((xt[i] - b * out[i]) / a);
        case "v_prediction" -> (float) (a * xt[i] - b * out[i]);
        default -> out[i];
      };
    }
    return x0;
  }

  private static void checkPictures(List<MaskedPicture> pictures, int multiple) {
    if (pictures.size() < 2) {
      throw new IllegalArgumentException("a feature-loss schedule needs at least 2 pictures (picture i + 1 is "
          + "picture i's unrelated floor), got " + pictures.size());
    }
    Picture first = pictures.get(0).picture();
    for (int i = 0; i < pictures.size(); i++) {
      Picture p = pictures.get(i).picture();
      if (p.width() != first.width() || p.height() != first.height()) {
        throw new IllegalArgumentException("picture " + i + " is " + p.width() + "x" + p.height() + " but picture 0 "
            + "is " + first.width() + "x" + first.height() + "; measure pictures of one size");
      }
    }
    if (first.width() % multiple != 0 || first.height() % multiple != 0) {
      throw new IllegalArgumentException("the pictures are " + first.width() + "x" + first.height() + " but this "
          + "model needs sides that are a multiple of " + multiple + "; resize or crop them");
    }
  }

  /** A tensor's values held in Java, so each scope creates its own copy and closes it with the scope. */
  private record Latent(float[] values, Shape shape) {

    static Latent of(NDArray array) {
      try (array) {
        return new Latent(array.toFloatArray(), array.getShape());
      }
    }

    NDArray in(NDManager scope) {
      return scope.create(values, shape);
    }
  }

  /** An inpainting UNet measured as an edit uses it: the region as its mask, the picture blanked there. */
  private static NoisePredictor inpainting(NoisePredictor unet, LatentCodec codec, MaskedPicture source,
      Shape latentShape, NDManager scope) {
    Picture p = source.picture();
    NDArray mask = RegionMasks.latent(Region.mask(source.region()), p.width(), p.height(),
        (int) latentShape.get(2), (int) latentShape.get(3), scope);
    return new InpaintingPredictor(unet, mask, InpaintingPredictor.blankedLatent(codec, p, source.region(), scope));
  }
}
