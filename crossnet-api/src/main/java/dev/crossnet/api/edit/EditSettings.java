package dev.crossnet.api.edit;

import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.api.progress.Cancellation;
import dev.crossnet.api.progress.ProgressListener;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The options of an edit, all with defaults. Immutable: every {@code with...} returns a copy, checking the
 * one value it sets.
 *
 * @param prompt text describing the result; empty means the subjects' words joined by " and ". A subject
 *     whose word the prompt does not contain gets its word appended (" word"), so every subject's branch is
 *     triggered; the prompt actually used is in the result's record under "prompt"
 * @param negativePrompt what the result should not look like (classifier-free guidance's unconditional side)
 * @param sampler the sampler plugin's name
 * @param steps number of denoising steps of the full schedule
 * @param strength how far into the noise the edit starts, in (0, 1]; 1 starts from pure noise. Empty means the
 *     model's own: the runtime picks the strength measured for the model it loads (the diffusion runtime: 1.0
 *     with an inpainting UNet, else the model's shipped feature-loss schedule's, else 0.8) and reports it in the
 *     result's record under "strength"
 * @param guidanceScale classifier-free guidance scale; 1 switches guidance off
 * @param seed the random seed; empty means "pick one and report it in the result"
 * @param model a diffusers model folder; empty means CrossNet's embedded default model
 * @param options branch options: {@code branch.<name>} switches a branch on or off, {@code branch.<name>.<key>}
 *     sets one of the keys the branch declares; any other key fails when the edit runs
 * @param progress receives progress
 * @param cancellation checked between steps
 * @param memoryLimit the most memory an edit may need, in bytes; an edit whose estimate exceeds it is refused
 *     before anything is allocated. Empty means {@value #DEFAULT_MEMORY_SHARE_PERCENT} % of the machine's (or
 *     container's) physical memory; see docs/limits.md
 */
public record EditSettings(
    String prompt,
    String negativePrompt,
    String sampler,
    int steps,
    OptionalDouble strength,
    double guidanceScale,
    OptionalLong seed,
    Optional<Path> model,
    PluginConfig options,
    ProgressListener progress,
    Cancellation cancellation,
    OptionalLong memoryLimit) {

  public static final String DEFAULT_SAMPLER = "ddim";
  public static final int DEFAULT_STEPS = 50;
  public static final double DEFAULT_GUIDANCE_SCALE = 5.0;
  /** Share of physical memory an edit may plan to use when no memory limit is given. */
  public static final int DEFAULT_MEMORY_SHARE_PERCENT = 80;

  public static EditSettings defaults() {
    return new EditSettings("", "", DEFAULT_SAMPLER, DEFAULT_STEPS, OptionalDouble.empty(),
        DEFAULT_GUIDANCE_SCALE, OptionalLong.empty(), Optional.empty(), PluginConfig.empty(), ProgressListener.NONE,
        Cancellation.never(), OptionalLong.empty());
  }

  public EditSettings withPrompt(String value) {
    return new EditSettings(requireText(value, "prompt"), negativePrompt, sampler, steps, strength,
        guidanceScale, seed, model, options, progress, cancellation, memoryLimit);
  }

  public EditSettings withNegativePrompt(String value) {
    return new EditSettings(prompt, requireText(value, "negative prompt"), sampler, steps, strength,
        guidanceScale, seed, model, options, progress, cancellation, memoryLimit);
  }

  public EditSettings withSampler(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("sampler name is empty; name a sampler plugin such as \"ddim\"");
    }
    return new EditSettings(prompt, negativePrompt, value, steps, strength, guidanceScale, seed, model,
        options, progress, cancellation, memoryLimit);
  }

  public EditSettings withSteps(int value) {
    if (value <= 0) {
      throw new IllegalArgumentException("steps must be at least 1, got " + value
          + "; typical values are 20 to 50");
    }
    if (value > 10_000) {
      throw new IllegalArgumentException("steps must be at most 10000, got " + value);
    }
    return new EditSettings(prompt, negativePrompt, sampler, value, strength, guidanceScale, seed, model,
        options, progress, cancellation, memoryLimit);
  }

  public EditSettings withStrength(double value) {
    if (!(value > 0 && value <= 1)) {
      throw new IllegalArgumentException("strength must lie in (0, 1], got " + value
          + "; 1 starts from pure noise, smaller values keep more of the bedrock");
    }
    return new EditSettings(prompt, negativePrompt, sampler, steps, OptionalDouble.of(value), guidanceScale, seed,
        model, options, progress, cancellation, memoryLimit);
  }

  public EditSettings withGuidanceScale(double value) {
    if (!(value >= 0 && value <= 100) || Double.isNaN(value)) {
      throw new IllegalArgumentException("guidance scale must lie in [0, 100], got " + value
          + "; 1 switches guidance off, 3 to 8 is usual");
    }
    return new EditSettings(prompt, negativePrompt, sampler, steps, strength, value, seed, model, options,
        progress, cancellation, memoryLimit);
  }

  public EditSettings withSeed(long value) {
    return new EditSettings(prompt, negativePrompt, sampler, steps, strength, guidanceScale,
        OptionalLong.of(value), model, options, progress, cancellation, memoryLimit);
  }

  public EditSettings withModel(Path value) {
    return new EditSettings(prompt, negativePrompt, sampler, steps, strength, guidanceScale, seed,
        Optional.of(value), options, progress, cancellation, memoryLimit);
  }

  public EditSettings withOption(String key, Object value) {
    return new EditSettings(prompt, negativePrompt, sampler, steps, strength, guidanceScale, seed, model,
        options.with(key, value), progress, cancellation, memoryLimit);
  }

  /** These settings with every option of {@code extra} added (an option already set is replaced). */
  public EditSettings withOptions(PluginConfig extra) {
    return new EditSettings(prompt, negativePrompt, sampler, steps, strength, guidanceScale, seed, model,
        options.merge(extra), progress, cancellation, memoryLimit);
  }

  public EditSettings withProgress(ProgressListener value) {
    return new EditSettings(prompt, negativePrompt, sampler, steps, strength, guidanceScale, seed, model,
        options, java.util.Objects.requireNonNull(value, "progress listener"), cancellation, memoryLimit);
  }

  public EditSettings withCancellation(Cancellation value) {
    return new EditSettings(prompt, negativePrompt, sampler, steps, strength, guidanceScale, seed, model,
        options, progress, java.util.Objects.requireNonNull(value, "cancellation"), memoryLimit);
  }

  /**
   * The most memory (bytes) the edit may need; raise it to allow a larger bedrock on a machine with swap or
   * memory the estimate does not see.
   */
  public EditSettings withMemoryLimit(long bytes) {
    if (bytes < (64L << 20)) {
      throw new IllegalArgumentException("memory limit must be at least 64 MiB, got " + bytes + " bytes; give it in"
          + " bytes, e.g. 32L << 30 for 32 GiB");
    }
    return new EditSettings(prompt, negativePrompt, sampler, steps, strength, guidanceScale, seed, model, options,
        progress, cancellation, OptionalLong.of(bytes));
  }

  private static String requireText(String value, String what) {
    if (value == null) {
      throw new IllegalArgumentException(what + " is null; pass \"\" for none");
    }
    return value;
  }
}
