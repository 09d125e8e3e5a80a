package dev.crossnet.core.edit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.api.branch.AttentionControl;
import dev.crossnet.api.branch.BranchProvider;
import dev.crossnet.api.branch.BranchRun;
import dev.crossnet.api.branch.ConditioningBranch;
import dev.crossnet.api.edit.EditRequest;
import dev.crossnet.api.edit.EditResult;
import dev.crossnet.api.edit.EditSettings;
import dev.crossnet.api.edit.Replacement;
import dev.crossnet.api.edit.VideoEditRequest;
import dev.crossnet.api.edit.VideoEditResult;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.api.plugin.PluginRegistry;
import dev.crossnet.api.reading.ReadModel;
import dev.crossnet.api.reading.ReaderProvider;
import dev.crossnet.api.region.Mask;
import dev.crossnet.api.runtime.EditRuntime;
import dev.crossnet.api.sampler.NoiseSource;
import dev.crossnet.api.sampler.Sampler;
import dev.crossnet.api.sampler.SamplerPlan;
import dev.crossnet.api.sampler.SamplerProvider;
import dev.crossnet.core.edit.branch.RegionBranch;
import dev.crossnet.core.edit.video.FrameByFrameEdit;
import dev.crossnet.core.image.PictureTensors;
import dev.crossnet.core.image.RegionMasks;
import dev.crossnet.core.model.DiffusionModel;
import dev.crossnet.core.model.ImageAdapter;
import dev.crossnet.core.model.clip.TokenEmbeddingOverrides;
import dev.crossnet.core.model.unet.InpaintingUnets;
import dev.crossnet.core.nn.GradMode;
import dev.crossnet.core.pipeline.ClipPromptEncoder;
import dev.crossnet.core.pipeline.DenoisingLoop;
import dev.crossnet.core.pipeline.InpaintingPredictor;
import dev.crossnet.core.pipeline.LatentCodec;
import dev.crossnet.core.pipeline.NoisePredictor;
import dev.crossnet.core.pipeline.Resampling;
import dev.crossnet.core.pipeline.UnetPredictor;
import dev.crossnet.core.pipeline.VaeCodec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CrossNet's edit runtime: refuses edit options that no branch reads ({@link EditOptionCheck}), loads (and caches)
 * the model, maps the regions to sample-space masks, starts the enabled branches in (order, name) order, encodes
 * the prompt with the words they learned and the words they place after subject words, runs the one
 * {@link DenoisingLoop}, decodes, and, when the region branch is on, composites the bedrock's own pixels back
 * outside the feathered region. The same request and seed give the same picture.
 *
 * <p>Every array of an edit lives in one child manager of the model cache's, closed when the edit returns.
 */
public final class DiffusionEditRuntime implements EditRuntime {

  private static final Logger LOG = LoggerFactory.getLogger(DiffusionEditRuntime.class);

  private final ModelCache models;
  private final PluginRegistry<BranchProvider> branches;
  private final PluginRegistry<SamplerProvider> samplers;
  private final PluginRegistry<ReaderProvider> readers;
  private final EditOptionCheck optionCheck;

  public DiffusionEditRuntime(ModelCache models) {
    this(models, PluginRegistry.discover(BranchProvider.class, "branch", "add crossnet-core to the class path"),
        PluginRegistry.discover(SamplerProvider.class, "sampler", "add crossnet-samplers to the class path"));
  }

  public DiffusionEditRuntime(ModelCache models, PluginRegistry<BranchProvider> branches,
      PluginRegistry<SamplerProvider> samplers) {
    this(models, branches, samplers,
        PluginRegistry.discover(ReaderProvider.class, "reader", "add the jar of the reader to the class path"));
  }

  public DiffusionEditRuntime(ModelCache models, PluginRegistry<BranchProvider> branches,
      PluginRegistry<SamplerProvider> samplers, PluginRegistry<ReaderProvider> readers) {
    this.models = models;
    this.branches = branches;
    this.samplers = samplers;
    this.readers = readers;
    this.optionCheck = new EditOptionCheck(branches);
  }

  /** Whether the edit's options leave the branch on ({@code branch.<name>=false} switches it off). */
  public static boolean enabled(PluginConfig options, String branch) {
    return options.getBoolean("branch." + branch, true);
  }

  /** The arrays of the model cache: loaded weights plus whatever an edit left open (none, when all is well). */
  @Override
  public long openArrays() {
    return models.openArrays();
  }

  @Override
  public EditResult edit(EditRequest request) {
    return edit(request, LoopTies.NONE);
  }

  /** Edits every frame of the clip ({@link FrameByFrameEdit}). */
  @Override
  public VideoEditResult editVideo(VideoEditRequest request) {
    return new FrameByFrameEdit(this, models).run(request);
  }

  /** The edit tied to edits before it ({@link LoopTies}): how a video edit runs each frame. */
  public EditResult edit(EditRequest request, LoopTies ties) {
    EditSettings settings = request.settings();
    optionCheck.check(settings.options());
    if (ties != LoopTies.NONE && settings.options().getString(OneSubjectAtATime.OPTION, "")
        .equals(OneSubjectAtATime.ONE_BY_ONE)) {
      throw new IllegalArgumentException("the edit option subjects=one-by-one edits pictures; a video edit runs "
          + "every subject together (leave the option out)");
    }
    boolean inpainting = InpaintingUnets.isInpainting(models.get(settings.model()).unet().config());
    if (RegionCount.asked(request)) {
      if (ties != LoopTies.NONE) {
        throw new IllegalArgumentException("a count of several instances in a region edits pictures; a video edit "
            + "replaces each track's occupant once (give each instance its own track)");
      }
      if (!inpainting) {
        LOG.warn("several instances in one region are drawn column by column from noise, which was measured to "
            + "work with an inpainting UNet (e.g. figureworld-v2-inpainting) and not with the text-to-image UNet "
            + "of {}; see docs/relation-and-count.md", settings.model().map(Object::toString)
            .orElse("the embedded default model"));
      }
      return RegionCount.run(request, one -> edit(one, LoopTies.NONE));
    }
    if (request.replacements().size() > 1 && ties == LoopTies.NONE && OneSubjectAtATime.asked(request, inpainting)) {
      return OneSubjectAtATime.run(request, one -> edit(one, LoopTies.NONE));
    }
    int candidates = BestOfCandidates.count(settings.options());
    if (candidates > 1) {
      if (ties != LoopTies.NONE) {
        throw new IllegalArgumentException("the edit option " + BestOfCandidates.OPTION + " edits pictures; a video "
            + "edit ties every frame to the first frame's result instead (leave the option out)");
      }
      return bestOf(request, candidates);
    }
    return editOnce(request, ties);
  }

  /** {@link BestOfCandidates}: the edit with several seeds, the result that shows its subjects best kept. */
  private EditResult bestOf(EditRequest request, int candidates) {
    EditSettings settings = request.settings();
    String by = BestOfCandidates.by(settings.options());
    DiffusionModel model = models.get(settings.model());
    ReadModel readModel = new ReadModel(Optional.ofNullable(model.source()), settings.model().isEmpty());
    try (NDManager m = models.newEditManager();
        EditReader reader = EditReader.choose(readers, settings.options(), readModel, m)) {
      Function<EditRequest, EditResult> one = r -> editOnce(r, LoopTies.NONE);
      if (by.equals(BestOfCandidates.READER) || by.equals(BestOfCandidates.AUTO) && reader.present()) {
        ReadingAgreement agreement = ReadingAgreement.of(reader.get(BestOfCandidates.BY + "=" + by),
            request.bedrock(), request.replacements());
        return BestOfCandidates.run(request, candidates, one, r -> agreement.score(r.picture()),
            "reader " + reader.name());
      }
      ImageAdapter adapter = model.imageAdapter().orElseThrow(() -> new IllegalArgumentException("the edit option "
          + BestOfCandidates.OPTION + " rates each candidate with the edit's reader or the model's image encoder, "
          + "and " + model.source() + " has no image encoder (image_encoder/ and ip_adapter/ in the model folder)"
          + (reader.present() ? "" : " and no reader") + "; leave the option out"));
      SubjectLikeness likeness = SubjectLikeness.of(adapter, request.replacements(), request.bedrock().width(),
          request.bedrock().height(), m);
      return BestOfCandidates.run(request, candidates, one, r -> likeness.score(r.picture(), m), "image encoder");
    }
  }

  /** One edit of the request's seed, all its subjects in one denoising loop. */
  private EditResult editOnce(EditRequest request, LoopTies ties) {
    EditSettings settings = request.settings();
    PhaseClock clock = new PhaseClock();
    Map<String, String> record = new LinkedHashMap<>();
    DiffusionModel model = clock.time("load", () -> models.get(settings.model()));
    record.put("runtime", "diffusion");
    record.put("model", settings.model().map(Object::toString).orElse("<default>"));
    NoisePredictor predictor = new UnetPredictor(model.unet());
    LatentCodec codec = model.vae().<LatentCodec>map(VaeCodec::new).orElseGet(LatentCodec::pixels);
    Picture bedrock = request.bedrock();
    checkSize(bedrock, codec, predictor);
    EditMemoryEstimate memory = checkMemory(model, bedrock, settings, codec.downscale() * predictor.sizeMultiple());
    record.put("memory.estimate", EditMemoryEstimate.readable(memory.bytes()));

    ReadModel readModel = new ReadModel(Optional.ofNullable(model.source()), settings.model().isEmpty());
    try (NDManager m = models.newEditManager();
        EditReader reader = EditReader.choose(readers, settings.options(), readModel, m)) {
      record.put("reader", reader.name());
      Sampler sampler = samplers.get(settings.sampler()).create(model.schedulerConfig());
      SamplerPlan plan = sampler.plan(settings.steps());
      // a video's frames keep the strength the video benchmark chose; the model's schedule is for pictures
      ModelStrength modelStrength = ModelStrength.resolve(settings, model, ties == LoopTies.NONE);
      double strength = modelStrength.strength();
      int start = plan.startIndex(strength);
      record.put("sampler", settings.sampler());
      record.put("steps", Integer.toString(settings.steps()));
      record.put("strength", Double.toString(strength));
      record.put("strength.from", modelStrength.from().toString());
      record.put("start-index", Integer.toString(start));
      record.put("guidance-scale", Double.toString(settings.guidanceScale()));
      record.put("seed", Long.toString(request.seed()));

      NDArray latent = clock.time("encode", () -> codec.encode(PictureTensors.toTensor(bedrock, m)));
      int lh = (int) latent.getShape().get(2);
      int lw = (int) latent.getShape().get(3);
      List<NDArray> regionMasks = new ArrayList<>();
      List<Mask> pixelMasks = new ArrayList<>();
      for (Replacement r : request.replacements()) {
        regionMasks.add(RegionMasks.latent(r.region(), bedrock.width(), bedrock.height(), lh, lw, m));
        pixelMasks.add(r.region().toMask(bedrock.width(), bedrock.height()));
      }
      NDArray union = RegionMasks.union(regionMasks, m);
      Mask hard = RegionMasks.union(pixelMasks);
      NoisePredictor denoiser = predictor;
      if (InpaintingUnets.isInpainting(model.unet().config())) {
        // the inpainting UNet reads the region and the bedrock with the region blanked at every step
        denoiser = clock.time("encode", () -> inpainting(predictor, codec, bedrock, hard, union, m));
        record.put("inpainting", "true");
      }
      ClipPromptEncoder prompts = new ClipPromptEncoder(model.tokenizer(), model.textEncoder());
      NDArray negative = prompts.encode(List.of(settings.negativePrompt()), m);
      // the noise field moves with the ties' shift, in whole cells of the sample
      int cellsX = (int) Math.round((double) ties.noiseShiftX() * lw / bedrock.width());
      int cellsY = (int) Math.round((double) ties.noiseShiftY() * lh / bedrock.height());
      NoiseSource noise = ShiftedNoise.of(NoiseSource.seeded(request.seed()), cellsX, cellsY);
      if (cellsX != 0 || cellsY != 0) {
        record.put("noise-shift", cellsX + "," + cellsY);
      }
      AtomicReference<SubjectPrompt.Layout> layout = new AtomicReference<>();
      AtomicReference<NDArray> textStates = new AtomicReference<>();
      EditContext.Shared shared = new EditContext.Shared(request, model, denoiser, codec, sampler, plan,
          modelStrength, start, latent, union, regionMasks, negative, noise, m, settings.progress(), layout,
          textStates, reader);

      List<BranchRun> runs = new ArrayList<>();
      List<String> active = new ArrayList<>();
      List<String> off = new ArrayList<>();
      try {
        for (BranchProvider provider : branches.providers()) {
          String name = provider.name();
          if (!enabled(settings.options(), name)) {
            off.add(name);
            continue;
          }
          PluginConfig own = EditContext.optionsOf(settings.options(), name);
          BranchRun run = clock.time("branch:" + name,
              () -> provider.create(own).start(new EditContext(shared, own)));
          runs.add(run);
          active.add(name);
        }
        // the ties' branches run after the plugin branches and are not named in the record
        for (ConditioningBranch b : ties.branches()) {
          runs.add(clock.time("tie", () -> b.start(new EditContext(shared, PluginConfig.empty()))));
        }
        record.put("branches", String.join(",", active));
        record.put("branches.off", String.join(",", off));

        Map<String, NDArray> words = new LinkedHashMap<>();
        runs.forEach(r -> words.putAll(r.wordEmbeddings()));
        List<String> subjectWords = request.replacements().stream().map(r -> r.subject().word()).toList();
        String prompt = SubjectPrompt.insertBefore(SubjectPrompt.insertAfter(
            SubjectPrompt.complete(settings.prompt(), subjectWords), joined(runs, BranchRun::wordsAfterSubject)),
            joined(runs, BranchRun::wordsBeforeSubject));
        SubjectPrompt.Layout l = SubjectPrompt.build(model.tokenizer(), prompt, subjectWords, words);
        record.put("prompt", l.text());
        record.put("negative-prompt", settings.negativePrompt());
        NDArray text = encode(model, l, m);
        textStates.set(text);
        layout.set(l);

        int loopStart = loopStart(plan, start, strength, runs.subList(0, active.size()), active, record);
        NDArray initial;
        try (NDArray z = noise.next(m, latent.getShape()); NDArray kept = latent.mul(union.neg().add(1))) {
          // the region starts from noise alone: branches (motion) decide what of the occupant survives
          initial = sampler.addNoise(plan, loopStart, kept, z);
        }
        boolean region = active.contains(RegionBranch.NAME);
        Resampling resampling = region ? resampling(settings.options(), record) : Resampling.NONE;
        List<BranchRun> loopRuns = new ArrayList<>(runs);
        ties.attention().forEach(c -> loopRuns.add(new BranchRun() {
          @Override
          public Optional<AttentionControl> attention() {
            return Optional.of(c);
          }
        }));
        DenoisingLoop.Settings loopSettings = new DenoisingLoop.Settings(sampler, plan, loopStart, text,
            settings.guidanceScale() == 1.0 ? null : negative, settings.guidanceScale(), loopRuns, noise,
            settings.progress(), settings.cancellation(), resampling);
        NoisePredictor loopDenoiser = denoiser;
        NDArray result = clock.time("sample", () -> new DenoisingLoop(loopDenoiser).run(loopSettings, initial));
        for (int i = 0; i < active.size(); i++) {
          if (runs.get(i) instanceof RecordedRun rr) {
            String name = active.get(i);
            rr.record().forEach((k, v) -> record.put("branch." + name + "." + k, v));
          }
        }
        Picture decoded = clock.time("decode", () -> PictureTensors.toPicture(codec.decode(result)));
        Picture out = decoded;
        if (region) {
          PluginConfig regionOptions = EditContext.optionsOf(settings.options(), RegionBranch.NAME);
          int feather = regionOptions.getInt("feather", RegionBranch.defaultFeather(bedrock.width()));
          String seam = RegionBranch.seam(regionOptions);
          record.put("branch.region.feather", Integer.toString(feather));
          record.put("branch.region.seam", seam);
          Mask soft = seam.equals(RegionBranch.SEAM_INSIDE) ? PictureTensors.featherInside(hard, feather)
              : PictureTensors.feather(hard, feather);
          out = clock.time("composite", () -> PictureTensors.composite(bedrock, decoded, soft));
        }
        LOG.info("edit done: {} region(s), branches {}, {}", request.replacements().size(), active,
            clock.timings());
        return new EditResult(out, request.seed(), clock.timings(), record);
      } finally {
        List<BranchRun> reversed = new ArrayList<>(runs);
        Collections.reverse(reversed);
        reversed.forEach(BranchRun::close);
      }
    }
  }

  /**
   * Where the loop starts: the edit's own start, or earlier when a branch asks for more strength than the edit's
   * ({@link BranchRun#strength()}); records who raised it.
   */
  static int loopStart(SamplerPlan plan, int own, double strength, List<BranchRun> runs, List<String> names,
      Map<String, String> record) {
    double most = strength;
    List<String> raisedBy = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      OptionalDouble asked = runs.get(i).strength();
      if (asked.isEmpty()) {
        continue;
      }
      double v = asked.getAsDouble();
      if (!(v > 0 && v <= 1)) {
        throw new IllegalStateException("branch '" + names.get(i) + "' asked for strength " + v
            + "; a branch may ask for a strength above 0 and at most 1");
      }
      if (v > strength) {
        raisedBy.add(names.get(i));
        most = Math.max(most, v);
      }
    }
    if (raisedBy.isEmpty()) {
      return own;
    }
    int start = Math.min(own, plan.startIndex(most));
    record.put("strength.loop", Double.toString(most));
    record.put("strength.raised-by", String.join(",", raisedBy));
    record.put("start-index", Integer.toString(start));
    return start;
  }

  private static Resampling resampling(PluginConfig options, Map<String, String> record) {
    PluginConfig own = EditContext.optionsOf(options, RegionBranch.NAME);
    Resampling r = new Resampling(own.getInt("jump-length", 10), own.getInt("jump-count", 1));
    record.put("branch.region.jump-length", Integer.toString(r.jumpLength()));
    record.put("branch.region.jump-count", Integer.toString(r.jumpCount()));
    return r;
  }

  /** The inpainting UNet's predictor for this bedrock and region (the union of the replacements' regions). */
  private static NoisePredictor inpainting(NoisePredictor unet, LatentCodec codec, Picture bedrock,
      Mask region, NDArray latentRegion, NDManager m) {
    return new InpaintingPredictor(unet, latentRegion, InpaintingPredictor.blankedLatent(codec, bedrock, region, m));
  }

  private static NDArray encode(DiffusionModel model, SubjectPrompt.Layout layout, NDManager m) {
    try (GradMode off = GradMode.disabled(); NDManager scope = m.newSubManager()) {
      NDArray ids = scope.create(layout.ids(), new Shape(1, layout.ids().length));
      NDArray states = model.textEncoder().forward(ids, TokenEmbeddingOverrides.of(layout.overrides()))
          .lastHiddenState();
      states.attach(m);
      return states;
    }
  }

  private static void checkSize(Picture bedrock, LatentCodec codec, NoisePredictor predictor) {
    int multiple = codec.downscale() * predictor.sizeMultiple();
    if (bedrock.width() % multiple != 0 || bedrock.height() % multiple != 0) {
      throw new IllegalArgumentException("bedrock size " + bedrock.width() + "x" + bedrock.height()
          + " must be a multiple of " + multiple + " for this model; crop or resize it to "
          + (bedrock.width() / multiple * multiple) + "x" + (bedrock.height() / multiple * multiple));
    }
  }

  /** Refuses, before anything is allocated, an edit whose estimated peak memory exceeds the limit. */
  private static EditMemoryEstimate checkMemory(DiffusionModel model, Picture bedrock, EditSettings settings,
      int multiple) {
    MemoryLimit limit = MemoryLimit.of(settings.memoryLimit());
    boolean guidance = settings.guidanceScale() != 1.0;
    MemoryLimit.SizeEstimator estimator = (w, h) -> EditMemoryEstimate.of(model.unet().config(),
        model.vae().map(v -> v.config()), w, h, guidance);
    limit.check(bedrock.width(), bedrock.height(), multiple, estimator);
    EditMemoryEstimate estimate = estimator.of(bedrock.width(), bedrock.height());
    LOG.debug("edit of {}x{} needs about {} (limit {})", bedrock.width(), bedrock.height(),
        EditMemoryEstimate.readable(estimate.bytes()), EditMemoryEstimate.readable(limit.bytes()));
    return estimate;
  }

  /** Per subject word, the words every run gives for it (one of its word hooks), joined in run order. */
  private static Map<String, String> joined(List<BranchRun> runs,
      java.util.function.Function<BranchRun, Map<String, String>> hook) {
    Map<String, String> out = new LinkedHashMap<>();
    runs.forEach(r -> hook.apply(r).forEach((word, words) -> out.merge(word, words, (x, y) -> x + " " + y)));
    return out;
  }
}
