package dev.crossnet.core.pipeline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.api.branch.AttentionControl;
import dev.crossnet.api.branch.AttentionSite;
import dev.crossnet.core.model.unet.IpAdapter;
import dev.crossnet.core.nn.KeyValues;
import dev.crossnet.core.nn.RegionPooling;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each subject's image-prompt tokens as a context of its own in every cross-attention layer (IP-Adapter's
 * decoupled cross-attention), confined to the subject's region: a query of a cell the region does not touch gets
 * weight 0 (a prompt without a region acts everywhere, as in text to image). Under classifier-free guidance the unconditional half attends to the tokens of an empty image (a zero
 * embedding), as the adapter was trained. Holds plain values only (each layer's keys and values, projected once),
 * so nothing is left to free.
 */
public final class ImagePromptControl implements AttentionControl {

  /**
   * One subject's prompt.
   *
   * @param tokens conditional tokens, [tokens x width] row by row
   * @param emptyTokens the tokens of an empty image, same size
   * @param region the region's weights on a [regionHeight x regionWidth] grid, or null for the whole picture
   */
  public record Prompt(float[] tokens, float[] emptyTokens, float[] region, int regionWidth, int regionHeight) {}

  private final IpAdapter adapter;
  private final List<Prompt> prompts;
  private final float scale;
  /** Keys and values by prompt, layer and batch. */
  private final Map<String, float[][]> projected = new ConcurrentHashMap<>();
  /** Region weights by prompt and grid size. */
  private final Map<String, float[]> regions = new ConcurrentHashMap<>();

  /**
   * @param adapter the model's adapter
   * @param prompts one per subject
   * @param scale the weight of every image prompt (1: as trained)
   */
  public ImagePromptControl(IpAdapter adapter, List<Prompt> prompts, float scale) {
    this.adapter = adapter;
    this.prompts = List.copyOf(prompts);
    this.scale = scale;
  }

  @Override
  public List<SeparateContext> separateContexts(AttentionSite site, int batch, NDManager manager) {
    if (!site.cross() || scale == 0) {
      return List.of();
    }
    if (batch != 1 && batch != 2) {
      throw new IllegalStateException("an image prompt serves a batch of 1, or 2 under classifier-free guidance; "
          + "layer " + site.layer() + " runs a batch of " + batch);
    }
    List<SeparateContext> out = new ArrayList<>();
    for (int i = 0; i < prompts.size(); i++) {
      Prompt p = prompts.get(i);
      int index = i;
      // the tokens are the same at every step: each layer's keys and values are projected once per edit
      float[][] kv = projected.computeIfAbsent(i + "|" + site.layer() + "|" + batch,
          k -> project(prompts.get(index), site.layer(), batch, manager));
      Shape shape = new Shape(batch, adapter.tokens(), kv[0].length / (batch * adapter.tokens()));
      NDArray weights = null;
      if (p.region() != null) {
        float[] pooled = regions.computeIfAbsent(i + "|" + site.width() + "x" + site.height(),
            k -> RegionPooling.pool(p.region(), p.regionWidth(), p.regionHeight(), site.width(), site.height()));
        weights = manager.create(pooled, new Shape(1, pooled.length, 1));
      }
      // the values carry the prompt's scale (attention is linear in them): one multiplication less at every call
      out.add(new SeparateContext(manager.create(kv[0], shape), manager.create(kv[1], shape), 1f, weights));
    }
    return out;
  }

  /**
   * A subject's prompt from its pictures: their image-prompt tokens ({@link
   * dev.crossnet.core.model.ImageAdapter#promptTokens}), and the tokens of no picture for the unconditional half.
   *
   * @param region the region's weights [height x width] row by row, or null for the whole picture
   */
  public static Prompt prompt(dev.crossnet.core.model.ImageAdapter imageAdapter, List<dev.crossnet.api.image.Picture> pictures,
      List<java.util.Optional<dev.crossnet.api.region.Mask>> masks, float[] region, int width, int height,
      NDManager manager) {
    try (NDManager scope = manager.newSubManager();
        dev.crossnet.core.nn.GradMode off = dev.crossnet.core.nn.GradMode.disabled()) {
      float[] tokens = imageAdapter.promptTokens(pictures, masks, scope).toFloatArray();
      float[] empty = imageAdapter.emptyPromptTokens(scope).toFloatArray();
      return new Prompt(tokens, empty, region, width, height);
    }
  }

  /** A prompt's keys and values for a layer and batch, the values times the prompt's scale, as plain values. */
  private float[][] project(Prompt p, String layer, int batch, NDManager manager) {
    float[] both = batch == 1 ? p.tokens() : concat(p.emptyTokens(), p.tokens());
    try (NDManager scratch = manager.newSubManager()) {
      NDArray tokens = scratch.create(both, new Shape(batch, adapter.tokens(), adapter.tokenDim()));
      KeyValues kv = adapter.imageKeysValues(layer, tokens);
      float[] values = kv.values().toFloatArray();
      for (int i = 0; i < values.length; i++) {
        values[i] *= scale;
      }
      return new float[][] {kv.keys().toFloatArray(), values};
    }
  }

  private static float[] concat(float[] a, float[] b) {
    float[] out = new float[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
