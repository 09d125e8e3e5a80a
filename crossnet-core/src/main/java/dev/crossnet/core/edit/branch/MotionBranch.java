package dev.crossnet.core.edit.branch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.crossnet.api.branch.BranchContext;
import dev.crossnet.api.branch.BranchRun;
import dev.crossnet.api.branch.StepView;
import dev.crossnet.api.edit.Replacement;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.plugin.OptionKeys;
import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.api.region.Mask;
import dev.crossnet.core.edit.DdimInversion;
import dev.crossnet.core.edit.EditContext;
import dev.crossnet.core.edit.ModelStrength;
import dev.crossnet.core.edit.NullTextOptimization;
import dev.crossnet.core.edit.RecordedRun;
import dev.crossnet.core.image.RegionMasks;
import dev.crossnet.core.edit.RoundTrip;
import dev.crossnet.core.image.PictureTensors;
import dev.crossnet.core.model.unet.InpaintingUnets;
import dev.crossnet.core.nn.GradMode;
import dev.crossnet.core.pipeline.UnconditionalOverride;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The occupant's structure (place, pose, action) from the bedrock itself: the loop starts from the bedrock's
 * DDIM-inverted latent ({@code mode=inversion}, the default) or its forward-noised latent ({@code mode=noise}), and
 * ILVR keeps the region's low frequencies on the bedrock's for the early steps only, so the layout is followed while
 * the old occupant's colours and texture do not leak into the late, detail-forming steps. Options
 * ({@code branch.motion.*}), each default chosen on the edit benchmark (docs/editing.md and docs/edit-sweeps.md
 * give the measurements):
 * <ul>
 *   <li>{@code occupant} ({@code grey}): what is inverted and guided towards: the bedrock with the regions' colour
 *       taken out ({@link Greyscale}), so shape and pose are carried but not colour; {@code keep} the bedrock as
 *       it is; {@code tint} the regions recoloured in their subjects' dominant colours ({@link Tint}); {@code match}
 *       each occupant given its subject's colours, light and dark included ({@link ColourMatch}).
 *   <li>{@code ilvr} (true), {@code ilvr-factor} (1: the latent itself; coarser keeps less of the occupant),
 *       {@code ilvr-until} (the share of the steps ILVR runs for; {@code auto}: {@link ModelStrength#ilvrUntil}, 0.3
 *       with an inpainting UNet, which draws a body into the region by itself; the span of the model's
 *       feature-loss schedule where the edit's strength came from it; else 0.6), {@code ilvr-weight} (1: the low
 *       frequencies are set, not only pulled part of the way).
 *   <li>{@code pose}, {@code scale}, {@code body} ({@code auto}, {@code read} or {@code none}): with the edit's
 *       reader, say the occupant's pose in words after the subject's word ({@link OccupantPose}), rescale the
 *       occupant's structure to the subject's size ({@link OccupantSize}, {@link StructureScale}), and find the
 *       regions whose subject's skeleton is unlike the occupant's ({@link OccupantBody}); {@code auto} does so
 *       where the edit has a reader and the subject's look comes from it (the image encoder source).
 *   <li>{@code unlike-strength} (1.0): such a region is redrawn from this strength; the branch asks the loop to
 *       start earlier ({@link dev.crossnet.api.branch.BranchRun#strength()}) and holds the rest of the picture on
 *       the bedrock's inversion until the edit's own start ({@link EarlierStart}; inversion mode only).
 *   <li>{@code unlike-start} ({@code auto}, {@code inversion} or {@code noise}) and {@code unlike-ilvr-until}
 *       ({@code auto} or a share of the steps): whether such a region starts from the bedrock's inversion, which
 *       keeps the occupant's whole outline even at strength 1, or from fresh noise, and how long ILVR holds it.
 *       {@code auto}: fresh noise and no ILVR with an inpainting UNet ({@link InpaintingUnets}), which draws a body
 *       into the emptied region by itself; else the inversion and {@code ilvr-until}.
 *   <li>{@code round-trip} (false): record the DDIM round-trip error of the bedrock with and without guidance
 *       (two extra reverse runs). {@code null-text} (false, true or auto), {@code null-text-threshold} (0.1),
 *       {@code null-text-iterations} (10), {@code null-text-learning-rate} (0.01): null-text optimisation of the
 *       unconditional states so that the guided path retraces the inversion; off by default because inside the
 *       region it pulls towards the old occupant.
 * </ul>
 */
public final class MotionBranch extends StatelessBranch {

  public static final String NAME = "motion";
  private static final Logger LOG = LoggerFactory.getLogger(MotionBranch.class);

  public MotionBranch() {
    super(NAME, 100,
        "the occupant's structure from the bedrock's inverted latent, with early coarse ILVR in the region",
        OptionKeys.of("mode", "occupant", "ilvr", "ilvr-factor", "ilvr-until", "ilvr-weight", "pose", "scale", "body",
            "unlike-strength", "unlike-ilvr-until", "unlike-start", "round-trip", "null-text", "null-text-threshold",
            "null-text-iterations", "null-text-learning-rate"));
  }

  @Override
  public BranchRun start(BranchContext context) {
    EditContext c = EditContext.require(context, NAME);
    PluginConfig o = c.options();
    String mode = o.getString("mode", "inversion");
    if (!mode.equals("inversion") && !mode.equals("noise")) {
      throw new IllegalArgumentException("branch.motion.mode is '" + mode + "'; use inversion or noise");
    }
    boolean ilvr = o.getBoolean("ilvr", true);
    boolean inpainting = InpaintingUnets.isInpainting(c.model().unet().config());
    // auto: the model's own span, decided with its strength (fewer steps with an inpainting UNet, which draws a body
    // into the emptied region by itself, so keeps less of the occupant's grey shading)
    double until = o.getString("ilvr-until", "auto").equals("auto") ? c.shared().strength().ilvrUntil()
        : o.getDouble("ilvr-until", ModelStrength.TEXT_TO_IMAGE_ILVR_UNTIL);
    double weight = o.getDouble("ilvr-weight", 1.0);
    if (!(weight > 0 && weight <= 1)) {
      throw new IllegalArgumentException("branch.motion.ilvr-weight must lie in (0, 1], got " + weight
          + " (1 sets the region's low frequencies to the bedrock's; less only pulls them part of the way)");
    }
    if (!(until >= 0 && until <= 1)) {
      throw new IllegalArgumentException("branch.motion.ilvr-until must lie in [0, 1], got " + until);
    }
    String occupant = o.getString("occupant", "grey");
    if (!List.of("keep", "grey", "tint", "match").contains(occupant)) {
      throw new IllegalArgumentException("branch.motion.occupant is '" + occupant + "'; use keep (the bedrock as "
          + "it is), grey (the regions' colours taken out before inversion), tint (the regions recoloured in "
          + "their subjects' dominant colours) or match (each occupant given its subject's colours)");
    }
    Map<String, String> record = new LinkedHashMap<>();
    OccupantReadings occupants = new OccupantReadings(c, "branch.motion.pose, scale or body (read)");
    Map<String, Double> ratios = OccupantSize.ratios(c, occupants, record);
    Map<String, OccupantBody.Kinds> kinds = OccupantBody.kinds(c, occupants, record);
    List<Integer> unlike = OccupantBody.unlike(c, kinds);
    double unlikeStrength = o.getDouble("unlike-strength", 1.0);
    if (!(unlikeStrength > 0 && unlikeStrength <= 1)) {
      throw new IllegalArgumentException("branch.motion.unlike-strength must lie in (0, 1], got " + unlikeStrength
          + " (the strength a region whose subject's skeleton is unlike its occupant's is redrawn from)");
    }
    // with an inpainting UNet the occupant's outline only fights a subject of another skeleton, so such regions
    // start from fresh noise and ILVR leaves them alone by default
    double unlikeUntil = o.getString("unlike-ilvr-until", "auto").equals("auto") ? (inpainting ? 0 : until)
        : o.getDouble("unlike-ilvr-until", until);
    if (!(unlikeUntil >= 0 && unlikeUntil <= 1)) {
      throw new IllegalArgumentException("branch.motion.unlike-ilvr-until must lie in [0, 1], got " + unlikeUntil
          + " (the share of the steps ILVR holds a region whose subject's skeleton is unlike its occupant's)");
    }
    String unlikeStart = o.getString("unlike-start", "auto");
    if (!List.of("auto", "inversion", "noise").contains(unlikeStart)) {
      throw new IllegalArgumentException("branch.motion.unlike-start is '" + unlikeStart + "'; use inversion (a region "
          + "whose subject's skeleton is unlike its occupant's starts from the bedrock's inversion, which still holds "
          + "the occupant's outline), noise (it starts from fresh noise) or auto (noise with an inpainting UNet, "
          + "else inversion)");
    }
    if (unlikeStart.equals("auto")) {
      unlikeStart = inpainting ? "noise" : "inversion";
    }
    int deep = c.plan().startIndex(unlikeStrength);
    boolean raise = !unlike.isEmpty() && deep < c.startIndex();
    if (raise && !mode.equals("inversion")) {
      raise = false;
      record.put("unlike-strength", "not applied: it needs mode=inversion");
    }
    // a latent of its own (closed with the run) unless the bedrock is used as it is
    boolean ownLatent = !occupant.equals("keep") || !ratios.isEmpty();
    NDArray bedrock = ownLatent ? structureLatent(c, occupant, ratios, record) : c.bedrockLatent();
    Ilvr guide = new Ilvr(o.getInt("ilvr-factor", 1), bedrock.getShape().get(2), bedrock.getShape().get(3));
    Map<String, String> poseWords = OccupantPose.words(c, occupants, kinds, record);
    NDArray start = null;
    String nullText = o.getString("null-text", "false");
    if (!List.of("false", "true", "auto").contains(nullText)) {
      throw new IllegalArgumentException("branch.motion.null-text is '" + nullText + "'; use false, true or auto");
    }
    List<NDArray> path = new ArrayList<>();
    EarlierStart earlier = null;
    if (mode.equals("inversion")) {
      DdimInversion inversion = DdimInversion.of(c.predictor(), c.model().schedulerConfig());
      // inverted as far as the loop starts: the earlier start where an unlike region asks for it
      Optional<Integer> last = inversion.lastIndexFor(c.plan(), raise ? deep : c.startIndex());
      if (last.isPresent()) {
        path.addAll(inversion.path(bedrock, c.plan().size(), last.get(), c.negativeStates(),
            c.request().settings().cancellation()));
        start = path.get(path.size() - 1).duplicate();
        if (raise) {
          earlier = EarlierStart.of(c, unlike, path, deep);
          record.put("unlike-strength", Double.toString(unlikeStrength));
          if (!nullText.equals("false")) {
            record.put("null-text", "not run: the loop starts earlier for a region of unlike skeleton");
          }
        }
        if (raise || nullText.equals("false") || c.request().settings().guidanceScale() == 1.0) {
          path.forEach(NDArray::close);
          path.clear();
        }
      } else {
        LOG.warn("sampler '{}' does not share DDIM inversion's timesteps; noising the bedrock forward instead",
            c.request().settings().sampler());
        mode = "noise (inversion impossible with sampler " + c.request().settings().sampler() + ")";
      }
    }
    if (start == null) {
      try (NDArray z = c.noise().next(c.manager(), bedrock.getShape())) {
        start = c.sampler().addNoise(c.plan(), c.startIndex(), bedrock, z);
      }
    }
    // the regions of unlike skeleton, in latent size: where they start afresh, or ILVR holds them for a span of
    // their own
    boolean fresh = unlikeStart.equals("noise") && !unlike.isEmpty() && mode.equals("inversion");
    boolean ownSpan = !unlike.isEmpty() && unlikeUntil != until;
    NDArray unlikeRegions = fresh || ownSpan
        ? RegionMasks.union(unlike.stream().map(c::regionMask).toList(), c.manager()) : null;
    if (fresh) {
      start = freshInside(c, unlikeRegions, start, bedrock, raise ? deep : c.startIndex());
      record.put("unlike-start", "noise");
    }
    if (unlikeRegions != null && !ownSpan) {
      unlikeRegions.close();
    }
    record.put("mode", mode);
    record.put("occupant", occupant);
    record.put("ilvr", Boolean.toString(ilvr));
    record.put("ilvr-factor", Integer.toString(guide.factor()));
    record.put("ilvr-until", Double.toString(until));
    record.put("ilvr-weight", Double.toString(weight));
    NDArray initial = start;
    EarlierStart hold = earlier;
    // ILVR's reach: the regions of unlike skeleton may be held for a span of their own
    NDArray unlikeMask = ownSpan ? unlikeRegions : null;
    NDArray likeMask = unlikeMask == null ? null : unlikeMask.neg().add(1);
    if (unlikeMask != null) {
      record.put("unlike-ilvr-until", Double.toString(unlikeUntil));
    }
    boolean roundTrip = (o.getBoolean("round-trip", false) || nullText.equals("auto")) && mode.equals("inversion");
    double threshold = o.getDouble("null-text-threshold", 0.1);
    NullTextOptimization.Settings nullTextSettings = new NullTextOptimization.Settings(
        o.getInt("null-text-iterations", 10), o.getDouble("null-text-learning-rate", 0.01));
    Map<Integer, NDArray> unconditional = new java.util.HashMap<>();
    record.putIfAbsent("null-text", nullText);
    final class Run implements RecordedRun, UnconditionalOverride {
      @Override
      public Optional<NDArray> unconditionalStates(int index) {
        return Optional.ofNullable(unconditional.get(index));
      }

      @Override
      public NDArray initialLatent(StepView step, NDArray latent) {
        double guidedError = Double.NaN;
        if (roundTrip) {
          // measured here, not in start(): the prompt's states exist only once every branch has started
          RoundTrip r = RoundTrip.measure(c.predictor(), DdimInversion.of(c.predictor(), c.model().schedulerConfig()),
              c.sampler(), c.plan(), c.startIndex(), bedrock, c.textStates(), c.negativeStates(),
              c.request().settings().guidanceScale());
          record.put("round-trip.unguided-mse", Double.toString(r.unguided()));
          record.put("round-trip.guided-mse", Double.toString(r.guided()));
          guidedError = r.guided();
        }
        if (!path.isEmpty()) {
          double relative = guidedError / bedrock.square().mean().getFloat();
          boolean run = nullText.equals("true") || relative > threshold;
          if (nullText.equals("auto")) {
            record.put("null-text.relative-error", Double.toString(relative));
          }
          if (run) {
            unconditional.putAll(new NullTextOptimization(c.model().unet(), c.sampler()).optimise(c.plan(),
                c.startIndex(), path, c.textStates(), c.negativeStates(), c.request().settings().guidanceScale(),
                nullTextSettings, c.request().settings().cancellation(), c.manager()));
          }
          record.put("null-text.ran", Boolean.toString(run));
          path.forEach(NDArray::close);
          path.clear();
        }
        NDArray copy = initial.duplicate();
        copy.attach(latent.getManager());
        return copy;
      }

      @Override
      public OptionalDouble strength() {
        return hold != null ? OptionalDouble.of(unlikeStrength) : OptionalDouble.empty();
      }

      @Override
      public Map<String, String> wordsAfterSubject() {
        return poseWords;
      }

      @Override
      public NDArray afterStep(StepView step, NDArray latent) {
        NDArray guided = ilvr(step, latent);
        return hold == null ? guided : hold.apply(step, guided);
      }

      private NDArray ilvr(StepView step, NDArray latent) {
        boolean holdLike = Ilvr.holds(step, until);
        boolean holdUnlike = unlikeMask != null && Ilvr.holds(step, unlikeUntil);
        if (!ilvr || (!holdLike && !holdUnlike)) {
          return latent;
        }
        NDArray correction = guide.correction(step, latent, bedrock, c.noise()).mul(c.regionMask());
        if (unlikeMask != null && holdLike != holdUnlike) {
          // only the like regions, or only the unlike ones, are still held
          correction = correction.mul(holdUnlike ? unlikeMask : likeMask);
        }
        if (weight < 1) {
          correction = correction.mul((float) weight);
        }
        return latent.add(correction);
      }

      @Override
      public Map<String, String> record() {
        return record;
      }

      @Override
      public void close() {
        initial.close();
        if (ownLatent) {
          bedrock.close();
        }
        unconditional.values().forEach(NDArray::close);
        path.forEach(NDArray::close);
        if (hold != null) {
          hold.close();
        }
        if (unlikeMask != null) {
          unlikeMask.close();
          likeMask.close();
        }
      }
    }
    return new Run();
  }

  /**
   * The start with the regions of {@code mask} (latent size) replaced by the bedrock's latent noised forward to the
   * plan's {@code index} with fresh noise; closes {@code start}.
   */
  private static NDArray freshInside(EditContext c, NDArray mask, NDArray start, NDArray bedrock, int index) {
    try (NDManager scope = c.manager().newSubManager()) {
      NDArray z = c.noise().next(scope, bedrock.getShape());
      NDArray fresh = c.sampler().addNoise(c.plan(), index, bedrock, z);
      fresh.attach(scope);
      NDArray mixed = fresh.sub(start).mul(mask).add(start);
      mixed.attach(c.manager());
      start.close();
      return mixed;
    }
  }

  /**
   * The latent of the bedrock with the colour inside every region taken out ({@code grey}), or replaced by the
   * region's subject's dominant colour ({@code tint}; grey where the subject shows none, e.g. one loaded from an
   * embedding), or given the subject's colours ({@code match}; grey likewise), or kept ({@code keep}); then
   * rescaled about the region's bottom middle by the subject's size ratio, where one was read.
   */
  private static NDArray structureLatent(EditContext c, String occupant, Map<String, Double> ratios,
      Map<String, String> record) {
    Picture picture = c.request().bedrock();
    for (Replacement r : c.request().replacements()) {
      Mask mask = r.region().toMask(picture.width(), picture.height());
      if (occupant.equals("tint")) {
        Optional<Integer> colour = Tint.dominant(r.subject());
        picture = colour.isPresent() ? Tint.inside(picture, mask, colour.get()) : Greyscale.inside(picture, mask);
        record.put("tint." + r.subject().word(),
            colour.map(v -> String.format(java.util.Locale.ROOT, "#%06x", v)).orElse("grey"));
      } else if (occupant.equals("match")) {
        Optional<Picture> matched = ColourMatch.inside(picture, mask, r.subject());
        picture = matched.isPresent() ? matched.get() : Greyscale.inside(picture, mask);
        record.put("match." + r.subject().word(), matched.isPresent() ? "subject's colours" : "grey");
      } else if (occupant.equals("grey")) {
        picture = Greyscale.inside(picture, mask);
      }
      Double ratio = ratios.get(r.subject().word());
      if (ratio != null && ratio != 1.0) {
        picture = StructureScale.inside(picture, mask, ratio);
      }
    }
    try (GradMode off = GradMode.disabled(); NDArray pixels = PictureTensors.toTensor(picture, c.manager())) {
      return c.codec().encode(pixels);
    }
  }
}
