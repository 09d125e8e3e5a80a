package dev.crossnet.core.edit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.crossnet.api.branch.BranchContext;
import dev.crossnet.api.edit.EditRequest;
import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.api.progress.ProgressListener;
import dev.crossnet.api.sampler.NoiseSource;
import dev.crossnet.api.sampler.Sampler;
import dev.crossnet.api.sampler.SamplerPlan;
import dev.crossnet.core.model.DiffusionModel;
import dev.crossnet.core.pipeline.LatentCodec;
import dev.crossnet.core.pipeline.NoisePredictor;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The diffusion runtime's {@link BranchContext}: what every branch may read, plus the model itself for the
 * branches that need it (inversion, textual inversion). One instance per branch, sharing one
 * {@link Shared} state; arrays live in the edit's manager.
 */
public final class EditContext implements BranchContext {

  /**
   * What all branches of one edit share.
   *
   * @param strength the strength the edit starts from and where it came from (the model's own where the settings
   *     name none)
   * @param negativeStates [1, L, D] states of the negative prompt (the unconditional side of guidance)
   * @param layout set by the runtime once every branch has started (learned words change the prompt's tokens)
   * @param text the prompt's [1, L, D] states, set with the layout
   * @param reader the edit's reader of occupants and subjects, opened on first use and shared by every branch
   */
  public record Shared(EditRequest request, DiffusionModel model, NoisePredictor predictor, LatentCodec codec,
      Sampler sampler, SamplerPlan plan, ModelStrength strength, int startIndex, NDArray bedrockLatent,
      NDArray regionMask, List<NDArray> regionMasks, NDArray negativeStates, NoiseSource noise, NDManager manager,
      ProgressListener progress, AtomicReference<SubjectPrompt.Layout> layout, AtomicReference<NDArray> text,
      EditReader reader) {}

  private final Shared shared;
  private final PluginConfig options;

  public EditContext(Shared shared, PluginConfig options) {
    this.shared = Objects.requireNonNull(shared);
    this.options = Objects.requireNonNull(options);
  }

  /**
   * The context a core branch needs, or a clear error when a branch of this runtime was started by another
   * runtime.
   */
  public static EditContext require(BranchContext context, String branch) {
    if (context instanceof EditContext c) {
      return c;
    }
    throw new IllegalStateException("branch '" + branch + "' needs CrossNet's diffusion runtime (crossnet-core), "
        + "but was started by " + context.getClass().getName() + "; switch it off with branch." + branch + "=false");
  }

  /** The branch's own options: the edit's {@code branch.<name>.*} options without the prefix. */
  public static PluginConfig optionsOf(PluginConfig editOptions, String branch) {
    String prefix = "branch." + branch + ".";
    Map<String, Object> own = new java.util.LinkedHashMap<>();
    editOptions.asMap().forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        own.put(k.substring(prefix.length()), v);
      }
    });
    return PluginConfig.of(own);
  }

  public Shared shared() {
    return shared;
  }

  public DiffusionModel model() {
    return shared.model();
  }

  public NoisePredictor predictor() {
    return shared.predictor();
  }

  public LatentCodec codec() {
    return shared.codec();
  }

  public NDArray negativeStates() {
    return shared.negativeStates();
  }

  /** The prompt's layout; available once every branch has started (i.e. during the loop). */
  public SubjectPrompt.Layout layout() {
    SubjectPrompt.Layout l = shared.layout().get();
    if (l == null) {
      throw new IllegalStateException("the prompt's layout is known only after every branch has started; "
          + "read it from the loop's hooks, not from start()");
    }
    return l;
  }

  /** The prompt's states, learned words included; available once every branch has started. */
  public NDArray textStates() {
    layout();
    return shared.text().get();
  }

  @Override
  public EditRequest request() {
    return shared.request();
  }

  @Override
  public PluginConfig options() {
    return options;
  }

  @Override
  public Sampler sampler() {
    return shared.sampler();
  }

  @Override
  public SamplerPlan plan() {
    return shared.plan();
  }

  @Override
  public int startIndex() {
    return shared.startIndex();
  }

  @Override
  public NDArray bedrockLatent() {
    return shared.bedrockLatent();
  }

  @Override
  public NDArray regionMask() {
    return shared.regionMask();
  }

  @Override
  public NDArray regionMask(int replacement) {
    return shared.regionMasks().get(replacement);
  }

  @Override
  public NoiseSource noise() {
    return shared.noise();
  }

  @Override
  public NDManager manager() {
    return shared.manager();
  }

  @Override
  public ProgressListener progress() {
    return shared.progress();
  }

  /** The edit's reader of occupants and subjects (the edit option {@code reader}), opened on first use. */
  public EditReader reader() {
    return shared.reader();
  }
}
