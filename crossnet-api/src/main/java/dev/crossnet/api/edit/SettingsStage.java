package dev.crossnet.api.edit;

import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.api.progress.Cancellation;
import dev.crossnet.api.progress.ProgressListener;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The options every stage of the fluent edit shares, for pictures and videos alike. Stages are immutable: each call returns a new stage,
 * so a partly built edit can be reused as a template.
 *
 * @param <SELF> the concrete stage, so options chain without losing it
 */
public abstract class SettingsStage<SELF extends SettingsStage<SELF>> {

  final EditSettings settings;

  SettingsStage(EditSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  abstract SELF withSettings(EditSettings newSettings);

  /** Text describing the result, e.g. "a photo of &lt;my-dog&gt; jumping". */
  public SELF prompt(String prompt) {
    return withSettings(settings.withPrompt(prompt));
  }

  public SELF negativePrompt(String negativePrompt) {
    return withSettings(settings.withNegativePrompt(negativePrompt));
  }

  /** The sampler plugin by name ("ddim", "euler", ...); checked when the edit runs. */
  public SELF sampler(String name) {
    return withSettings(settings.withSampler(name));
  }

  public SELF steps(int steps) {
    return withSettings(settings.withSteps(steps));
  }

  /**
   * How far into the noise to start, in (0, 1]; 1 starts from pure noise. Left out, the runtime picks the model's
   * own (on the diffusion runtime: 1.0 with an inpainting UNet, else the model's feature-loss schedule's, else
   * 0.8).
   */
  public SELF strength(double strength) {
    return withSettings(settings.withStrength(strength));
  }

  public SELF guidanceScale(double scale) {
    return withSettings(settings.withGuidanceScale(scale));
  }

  public SELF seed(long seed) {
    return withSettings(settings.withSeed(seed));
  }

  /** A diffusers model folder to use instead of the embedded default model. */
  public SELF model(Path folder) {
    return withSettings(settings.withModel(folder));
  }

  /**
   * A plugin option, e.g. {@code option("branch.motion", false)} to switch a branch off or
   * {@code option("branch.motion.ilvr-until", 0.5)} to set one of its options. A key that no branch declares fails
   * when the edit runs, before any model work, with an {@link dev.crossnet.api.plugin.UnknownOptionException}
   * naming the known keys.
   */
  public SELF option(String key, Object value) {
    return withSettings(settings.withOption(key, value));
  }

  /** Several plugin options at once, e.g. read from a command line ({@code branch.motion.ilvr-factor=1}). */
  public SELF options(Map<String, ?> options) {
    return withSettings(settings.withOptions(PluginConfig.of(options)));
  }

  public SELF progress(ProgressListener listener) {
    return withSettings(settings.withProgress(listener));
  }

  public SELF cancellation(Cancellation cancellation) {
    return withSettings(settings.withCancellation(cancellation));
  }

  /**
   * The most memory the edit may need, in bytes (default: {@value EditSettings#DEFAULT_MEMORY_SHARE_PERCENT} % of
   * physical memory). An edit whose estimated need is larger is refused before it allocates anything.
   */
  public SELF memoryLimit(long bytes) {
    return withSettings(settings.withMemoryLimit(bytes));
  }

  /** The settings chosen so far. */
  public EditSettings settings() {
    return settings;
  }
}
