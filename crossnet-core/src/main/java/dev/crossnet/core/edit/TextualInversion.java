package dev.crossnet.core.edit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.loss.LossInput;
import dev.crossnet.api.loss.LossTerm;
import dev.crossnet.api.loss.OptimizerOptions;
import dev.crossnet.api.loss.ParameterGroup;
import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.api.progress.Cancellation;
import dev.crossnet.api.progress.ProgressListener;
import dev.crossnet.api.region.Mask;
import dev.crossnet.api.sampler.NoiseSource;
import dev.crossnet.api.sampler.Sampler;
import dev.crossnet.api.sampler.SamplerPlan;
import dev.crossnet.api.subject.Subject;
import dev.crossnet.core.image.PictureTensors;
import dev.crossnet.core.model.DiffusionModel;
import dev.crossnet.core.model.clip.TokenEmbeddingOverrides;
import dev.crossnet.core.model.unet.InpaintingUnets;
import dev.crossnet.core.nn.AttentionHook;
import dev.crossnet.core.nn.GradMode;
import dev.crossnet.core.pipeline.InpaintingPredictor;
import dev.crossnet.core.pipeline.LatentCodec;
import dev.crossnet.core.text.Vocabulary;
import dev.crossnet.core.train.Trainer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Textual inversion (Gal et al. 2022) on a subject's pictures through the {@link Trainer}: one parameter group
 * over the word's embedding rows, the "reconstruction" loss restricted to the subject's masks when given. The
 * model stays frozen; only the rows move.
 *
 * <p>Pictures of any size are resized to the edit's size; pictures are RGB by construction ({@link Picture}
 * converts grey and paletted images when it reads them), so grey references work as grey-looking RGB.
 */
public final class TextualInversion {

  private static final Logger LOG = LoggerFactory.getLogger(TextualInversion.class);

  /**
   * @param steps optimisation steps
   * @param learningRate AdamW learning rate
   * @param tokens embedding rows (tokens) the word is spelled with
   * @param initWord text whose mean token embedding starts every row ("" = the mean of the whole table)
   * @param template the training prompt, with {@code {}} where the word goes
   * @param seed makes the run repeatable
   * @param augmentation how each training step moves the picture (and its mask)
   */
  public record Settings(int steps, double learningRate, int tokens, String initWord, String template, long seed,
      ShiftAugmentation augmentation) {

    /** Settings without augmentation. */
    public Settings(int steps, double learningRate, int tokens, String initWord, String template, long seed) {
      this(steps, learningRate, tokens, initWord, template, seed, ShiftAugmentation.NONE);
    }

    /**
     * The determiner the template puts right before the word ("a" for "a {}"; "" for "a photo of {}"), which an
     * edit with the learned word puts before it too when the prompt has no determiner there.
     */
    public String leadingWords() {
      String before = template.substring(0, template.indexOf("{}")).trim();
      String last = before.substring(before.lastIndexOf(' ') + 1);
      return SubjectPrompt.DETERMINERS.contains(last.toLowerCase(java.util.Locale.ROOT)) ? last : "";
    }

    public Settings {
      if (steps < 1 || tokens < 1 || tokens > 16) {
        throw new IllegalArgumentException("textual inversion needs steps >= 1 and 1..16 tokens, got " + steps
            + " steps and " + tokens + " tokens");
      }
      if (!template.contains("{}")) {
        throw new IllegalArgumentException("inversion template '" + template + "' has no {} for the word");
      }
    }

    /** The usual training prompt for models that read English (Stable Diffusion's CLIP). */
    public static final String PHOTO_TEMPLATE = "a photo of {}";
    /** The training prompt for a model whose vocabulary lacks {@link #PHOTO_TEMPLATE}'s words. */
    public static final String PLAIN_TEMPLATE = "a {}";
    /** The usual initial word; where the vocabulary lacks it, rows start from the table's mean. */
    public static final String INIT_WORD = "object";

    public static Settings defaults(long seed) {
      return new Settings(100, 5e-3, 1, INIT_WORD, PHOTO_TEMPLATE, seed);
    }

    /**
     * Settings from a branch's options: steps, learning-rate, tokens, init-word, template, shift and mirror
     * (the {@link ShiftAugmentation}). Where the options
     * name no template or init word, the defaults are fitted to {@code vocabulary}: a model that does not know
     * "photo" (the embedded default model) trains with {@link #PLAIN_TEMPLATE}, and one that does not know
     * "object" starts from the table's mean, since words it would spell with lone characters say nothing.
     */
    public static Settings from(PluginConfig o, long seed, Vocabulary vocabulary) {
      Settings d = defaults(seed);
      String template = o.getString("template",
          vocabulary.unknownWords(PHOTO_TEMPLATE).isEmpty() ? PHOTO_TEMPLATE : PLAIN_TEMPLATE);
      String initWord = o.getString("init-word", vocabulary.knows(INIT_WORD) ? INIT_WORD : "");
      List<String> unknown = vocabulary.unknownWords(template + " " + initWord);
      if (!unknown.isEmpty()) {
        LOG.warn("the model's vocabulary lacks {} of the inversion's template '{}' or init word '{}': it spells "
            + "them with lone characters; choose known words (branch.appearance.template, init-word)", unknown,
            template, initWord);
      }
      return new Settings(o.getInt("steps", d.steps()), o.getDouble("learning-rate", d.learningRate()),
          o.getInt("tokens", d.tokens()), initWord, template, seed,
          new ShiftAugmentation(o.getInt("shift", 0), o.getBoolean("mirror", false)));
    }
  }

  /**
   * What inversion learned.
   *
   * @param rows [tokens, width] in the caller's manager
   * @param lossBefore the fixed-noise evaluation loss with the initial rows
   * @param lossAfter the same loss with the learned rows
   */
  public record Result(NDArray rows, double lossBefore, double lossAfter) {}

  private final DiffusionModel model;
  private final LatentCodec codec;
  private final Sampler sampler;

  public TextualInversion(DiffusionModel model, LatentCodec codec, Sampler sampler) {
    this.model = model;
    this.codec = codec;
    this.sampler = sampler;
  }

  /** Learns the subject's word from its pictures, resized to {@code width} x {@code height}. */
  public Result learn(Subject subject, int width, int height, Settings settings, ProgressListener progress,
      Cancellation cancellation, NDManager manager) {
    return learn(subject, width, height, settings, Optional.empty(), progress, cancellation, manager);
  }

  /**
   * Learns the subject's word starting from given rows ([tokens, width], e.g. an image encoder's) instead of
   * {@code settings}' initial word and token count; the rows given are not changed.
   */
  public Result learn(Subject subject, int width, int height, Settings settings, Optional<NDArray> start,
      ProgressListener progress, Cancellation cancellation, NDManager manager) {
    if (subject.pictures().isEmpty()) {
      throw new IllegalArgumentException("subject '" + subject.word() + "' has no pictures to learn from");
    }
    try (NDManager work = manager.newSubManager()) {
      List<NDArray> latents = new ArrayList<>();
      List<Optional<NDArray>> masks = new ArrayList<>();
      int latentH = height / codec.downscale();
      int latentW = width / codec.downscale();
      for (int i = 0; i < subject.pictures().size(); i++) {
        Picture p = subject.pictures().get(i);
        NDArray pixels = PictureTensors.resize(PictureTensors.toTensor(p, work), height, width);
        latents.add(codec.encode(pixels));
        Optional<Mask> m = subject.masks().get(i);
        masks.add(m.map(mask -> PictureTensors.resize(PictureTensors.toTensor(mask, work), latentH, latentW)));
      }
      // an inpainting UNet learns the word from whole pictures: mask 1 everywhere, the blank picture's latent
      NDArray wholePicture = InpaintingUnets.isInpainting(model.unet().config())
          ? InpaintingPredictor.wholePicture(codec, latentH, latentW, work) : null;
      SamplerPlan plan = sampler.plan(Math.min(50, sampler.schedule().trainTimesteps()));
      // every row starts as its row of the given start, else as the initial word's row
      NDArray init = start.isPresent() ? null : initialRow(settings.initWord(), work);
      long count = start.map(s -> s.getShape().get(0)).orElse((long) settings.tokens());
      Map<String, NDArray> parameters = new LinkedHashMap<>();
      for (int k = 0; k < count; k++) {
        NDArray row = (init == null ? start.get().get(k) : init).duplicate();
        row.attach(work);
        parameters.put(subject.word() + "#" + k, row);
      }
      double before = evaluate(subject.word(), parameters, latents, masks, wholePicture, plan, settings, work);
      boolean masked = masks.stream().anyMatch(Optional::isPresent);
      ParameterGroup group = ParameterGroup.named("appearance:" + subject.word())
          .parameters(new ArrayList<>(parameters.keySet()))
          .optimizer(OptimizerOptions.adamW(settings.learningRate()))
          .loss(new LossTerm("reconstruction", 1.0, 0, PluginConfig.of("masked", masked)))
          .build();
      int skipped;
      synchronized (GradientLock.LOCK) {
        skipped = train(subject.word(), parameters, group, latents, masks, wholePicture, plan, settings, progress,
            cancellation, work);
      }
      double after = evaluate(subject.word(), parameters, latents, masks, wholePicture, plan, settings, work);
      LOG.info("textual inversion of '{}': {} steps ({} skipped), {} token(s), fixed-noise loss {} -> {}",
          subject.word(), settings.steps(), skipped, parameters.size(), before, after);
      NDArray rows = ai.djl.ndarray.NDArrays.stack(new ai.djl.ndarray.NDList(parameters.values()), 0);
      rows.attach(manager);
      return new Result(rows, before, after);
    }
  }

  /**
   * Runs the trainer one step at a time. A step whose update leaves a row non-finite (the UNet's backward
   * occasionally yields NaN gradients on CPU) is undone: the rows go back to the last finite values and a
   * fresh trainer (fresh optimiser moments) continues with the next step's batch.
   *
   * @return the number of steps undone
   */
  private int train(String word, Map<String, NDArray> parameters, ParameterGroup group, List<NDArray> latents,
      List<Optional<NDArray>> masks, NDArray condition, SamplerPlan plan, Settings settings,
      ProgressListener progress, Cancellation cancellation, NDManager work) {
    int done = 0;
    int skipped = 0;
    while (done < settings.steps()) {
      int offset = done;
      try (Trainer trainer = Trainer.builder()
          .parameters(parameters)
          .groups(List.of(group))
          .supplies(java.util.Set.of(LossInput.PREDICTION, LossInput.TARGET, LossInput.TIMESTEPS, LossInput.MASK))
          .step((scope, step) -> forward(word, parameters, latents, masks, condition, plan, settings, offset + step,
              scope, true))
          .seed(settings.seed())
          .stateManager(work.newSubManager())
          .build()) {
        for (int k = 1; done < settings.steps(); k++) {
          Map<String, float[]> snapshot = new LinkedHashMap<>();
          parameters.forEach((name, row) -> snapshot.put(name, row.toFloatArray()));
          trainer.train(k, ProgressListener.NONE, (step, losses) -> LOG.debug("inversion '{}' step {}: {}", word,
              offset + step, losses), cancellation);
          done++;
          progress.onProgress(new dev.crossnet.api.progress.Progress("inversion", done, settings.steps()));
          if (!finite(parameters)) {
            parameters.forEach((name, row) -> row.set(snapshot.get(name)));
            skipped++;
            LOG.warn("inversion '{}' step {} gave a non-finite update; undone, continuing with fresh moments",
                word, done - 1);
            if (skipped > settings.steps() / 2) {
              throw new IllegalStateException("textual inversion of '" + word + "' gave non-finite updates in "
                  + skipped + " of " + done + " steps; lower branch.appearance.learning-rate");
            }
            break;
          }
        }
      }
    }
    return skipped;
  }

  private static boolean finite(Map<String, NDArray> parameters) {
    for (NDArray row : parameters.values()) {
      for (float v : row.toFloatArray()) {
        if (!Float.isFinite(v)) {
          return false;
        }
      }
    }
    return true;
  }

  private NDArray initialRow(String initWord, NDManager work) {
    return WordRows.mean(model.textEncoder(), model.tokenizer(), initWord, work);
  }

  /** The mean loss over every picture at a fixed mid-schedule level and fixed noise (comparable across runs). */
  private double evaluate(String word, Map<String, NDArray> parameters, List<NDArray> latents,
      List<Optional<NDArray>> masks, NDArray condition, SamplerPlan plan, Settings settings, NDManager work) {
    double sum = 0;
    try (GradMode off = GradMode.disabled()) {
      for (int i = 0; i < latents.size(); i++) {
        try (NDManager scope = work.newSubManager()) {
          Map<LossInput<?>, Object> out = forward(word, parameters, latents, masks, condition, plan, settings, -1 - i,
              scope, false);
          NDArray err = ((NDArray) out.get(LossInput.PREDICTION)).sub((NDArray) out.get(LossInput.TARGET)).square();
          NDArray mask = (NDArray) out.get(LossInput.MASK);
          sum += mask == null ? err.mean().getFloat()
              : err.mul(mask).sum().div(mask.sum().mul(err.getShape().get(1)).add(1e-6f)).getFloat();
        }
      }
    }
    return sum / latents.size();
  }

  /**
   * One forward pass: picture {@code step mod n} noised to a random level (a fixed mid level for evaluation,
   * negative steps), the network's prediction with the learned rows, and its target. {@code condition} is an
   * inpainting UNet's whole-picture condition, null for a plain UNet.
   */
  private Map<LossInput<?>, Object> forward(String word, Map<String, NDArray> parameters, List<NDArray> latents,
      List<Optional<NDArray>> masks, NDArray condition, SamplerPlan plan, Settings settings, int step, NDManager scope,
      boolean training) {
    int picture = Math.floorMod(step, latents.size());
    SplittableRandom random = new SplittableRandom(settings.seed() * 1_000_003L + step);
    int index = training ? random.nextInt(plan.size()) : plan.size() / 2;
    NDArray x0 = latents.get(picture).duplicate();
    x0.attach(scope);
    NDArray eps = NoiseSource.seeded(random.nextLong()).next(scope, x0.getShape());
    ShiftAugmentation.Draw draw = (training ? settings.augmentation() : ShiftAugmentation.NONE).draw(random);
    x0 = draw.apply(x0);
    NDArray noisy = sampler.addNoise(plan, index, x0, eps);
    NDArray rows = ai.djl.ndarray.NDArrays.stack(new ai.djl.ndarray.NDList(parameters.values()), 0);
    SubjectPrompt.Layout layout = SubjectPrompt.build(model.tokenizer(), settings.template().replace("{}", word),
        List.of(word), Map.of(word, rows));
    NDArray ids = scope.create(layout.ids(), new Shape(1, layout.ids().length));
    NDArray states = model.textEncoder().forward(ids, TokenEmbeddingOverrides.of(layout.overrides()))
        .lastHiddenState();
    NDArray t = scope.create(new float[] {(float) plan.timestep(index)});
    NDArray input = sampler.scaleModelInput(plan, index, noisy);
    if (condition != null) {
      input = input.concat(condition, 1);
    }
    NDArray prediction = model.unet().forward(input, t, states, AttentionHook.NONE);
    Map<LossInput<?>, Object> out = new LinkedHashMap<>();
    out.put(LossInput.PREDICTION, prediction);
    out.put(LossInput.TARGET, target(plan, index, x0, eps, scope));
    out.put(LossInput.TIMESTEPS, t);
    masks.get(picture).ifPresent(m -> {
      if (draw.moves()) {
        // ops are born in their first operand's manager: move a copy of the mask into the step's scope first
        NDArray mask = m.duplicate();
        mask.attach(scope);
        out.put(LossInput.MASK, draw.apply(mask));
      } else {
        out.put(LossInput.MASK, m);
      }
    });
    return out;
  }

  /** epsilon, or v = a eps - b x0 for v-prediction models (a, b of the forward marginal). */
  private NDArray target(SamplerPlan plan, int index, NDArray x0, NDArray eps, NDManager scope) {
    String type = model.schedulerConfig().getString("prediction_type", "epsilon");
    if (type.equals("epsilon")) {
      return eps;
    }
    NDArray one = scope.create(new float[] {1});
    NDArray zero = scope.create(new float[] {0});
    float a = sampler.addNoise(plan, index, one, zero).getFloat();
    float b = sampler.addNoise(plan, index, zero, one).getFloat();
    if (type.equals("v_prediction")) {
      return eps.mul(a).sub(x0.mul(b));
    }
    if (type.equals("sample")) {
      return x0;
    }
    throw new IllegalArgumentException("textual inversion does not know prediction_type '" + type
        + "'; supported: epsilon, v_prediction, sample");
  }
}
