package dev.crossnet.core.relation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.core.model.clip.TokenEmbeddingOverrides;
import dev.crossnet.core.nn.GradMode;
import dev.crossnet.api.plugin.PluginRegistry;
import dev.crossnet.api.sampler.SamplerProvider;
import dev.crossnet.core.pipeline.PromptEncoder;
import dev.crossnet.core.pipeline.TextToImage;
import dev.crossnet.core.pipeline.UnetPredictor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes prompts with learned tokens in them ({@code "a dog <R> a cat"}): each placeholder is added to the
 * tokenizer if new, and its row replaces the embedding table's at its positions. Plug it into
 * {@link dev.crossnet.core.pipeline.TextToImage} in place of the plain CLIP encoder.
 */
public final class LearnedTokenPromptEncoder implements PromptEncoder {

  private final DiffusionParts parts;
  private final TokenEmbeddingOverrides overrides;

  public LearnedTokenPromptEncoder(DiffusionParts parts, List<LearnedToken> tokens) {
    this.parts = parts;
    Map<Long, NDArray> rows = new LinkedHashMap<>();
    for (LearnedToken t : tokens) {
      rows.put((long) parts.placeholderId(t.placeholder()), t.embedding());
    }
    this.overrides = TokenEmbeddingOverrides.of(rows);
  }

  /**
   * Text to image with learned tokens usable in prompts, with the sampler plugins on the class path:
   * {@code textToImage(parts, List.of(relation)).generate(TextToImageRequest.of("a dog <R> a cat"), m)}.
   */
  public static TextToImage textToImage(DiffusionParts parts, List<LearnedToken> tokens) {
    parts.requireTextToImage("drawing with learned tokens");
    return new TextToImage(new UnetPredictor(parts.unet()), new LearnedTokenPromptEncoder(parts, tokens),
        parts.codec(), parts.schedulerConfig(),
        PluginRegistry.discover(SamplerProvider.class, "sampler", "add crossnet-samplers to the class path"));
  }

  @Override
  public NDArray encode(List<String> prompts, NDManager manager) {
    int length = parts.tokenizer().maxLength();
    long[] ids = new long[prompts.size() * length];
    for (int i = 0; i < prompts.size(); i++) {
      int[] one = parts.tokenizer().encode(prompts.get(i));
      for (int j = 0; j < length; j++) {
        ids[i * length + j] = one[j];
      }
    }
    try (GradMode off = GradMode.disabled(); NDManager scope = manager.newSubManager()) {
      NDArray states = parts.textEncoder().forward(scope.create(ids, new Shape(prompts.size(), length)), overrides)
          .lastHiddenState();
      states.attach(manager);
      return states;
    }
  }
}
