package dev.crossnet.core.model.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.core.nn.Convolution;
import dev.crossnet.core.nn.Embedding;
import dev.crossnet.core.nn.Module;
import dev.crossnet.core.nn.ParameterSource;
import dev.crossnet.core.nn.Scope;

/**
 * Pixels to tokens: a patch convolution without bias (kernel = stride = patch size) gives one token per patch,
 * a learned class token goes first, and a learned position embedding is added to every token.
 */
final class ClipVisionEmbeddings extends Module {

  private final ClipVisionConfig config;
  private final NDArray patchWeight;
  private final NDArray classEmbedding;
  private final Embedding positionEmbedding;

  ClipVisionEmbeddings(ParameterSource source, String name, ClipVisionConfig c) {
    super(name);
    this.config = c;
    classEmbedding = parameter(source, "class_embedding", c.hiddenSize());
    patchWeight = parameter(source, "patch_embedding.weight", c.hiddenSize(), c.channels(), c.patchSize(),
        c.patchSize());
    positionEmbedding = child(new Embedding(source, path("position_embedding"), c.tokens(), c.hiddenSize()));
  }

  /** Pixels [B, C, S, S] (S = image_size) to tokens [B, 1 + patches, hidden]. */
  NDArray forward(NDArray pixels) {
    Shape s = pixels.getShape();
    if (s.dimension() != 4 || s.get(1) != config.channels() || s.get(2) != config.imageSize()
        || s.get(3) != config.imageSize()) {
      throw new IllegalArgumentException("pixel values must be [B, " + config.channels() + ", "
          + config.imageSize() + ", " + config.imageSize() + "] (the config's num_channels and image_size), got "
          + s + "; resize and crop with ClipImageProcessor first");
    }
    try (Scope scope = Scope.of(pixels)) {
      long batch = s.get(0);
      long hidden = config.hiddenSize();
      NDArray patches = Convolution.conv2d(pixels, patchWeight, null, config.patchSize(), 0)
          .reshape(batch, hidden, -1).transpose(0, 2, 1);
      // starting from an array of the scope keeps the result out of the parameter's manager
      NDArray cls = scope.manager().zeros(new Shape(batch, 1, hidden), pixels.getDataType()).add(classEmbedding);
      NDArray tokens = cls.concat(patches, 1);
      return scope.keep(tokens.add(positionEmbedding.weight()));
    }
  }
}
