package dev.crossnet.api.branch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.crossnet.api.edit.EditRequest;
import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.api.progress.ProgressListener;
import dev.crossnet.api.sampler.NoiseSource;
import dev.crossnet.api.sampler.Sampler;
import dev.crossnet.api.sampler.SamplerPlan;

/**
 * What a branch may read when an edit starts. Arrays live in {@link #manager()}, which lasts for the edit.
 */
public interface BranchContext {

  /** The whole edit as the caller asked for it. */
  EditRequest request();

  /** The branch's own options (the edit's {@code branch.<name>.*} options without the prefix). */
  PluginConfig options();

  Sampler sampler();

  SamplerPlan plan();

  /** The plan index the loop starts at (0 unless the edit starts part-way, as SDEdit does). */
  int startIndex();

  /** The bedrock in the model's sample space (latent or pixels), [1, C, h, w]. */
  NDArray bedrockLatent();

  /** The union of the edit's regions at the sample's resolution, [1, 1, h, w], 1 inside. */
  NDArray regionMask();

  /** The region of one replacement at the sample's resolution, [1, 1, h, w]. */
  NDArray regionMask(int replacement);

  /** The noise this edit draws from (seeded from the request's seed). */
  NoiseSource noise();

  /** Lives as long as the edit. */
  NDManager manager();

  /** Reports the branch's own long work (inversion, training). */
  ProgressListener progress();
}
