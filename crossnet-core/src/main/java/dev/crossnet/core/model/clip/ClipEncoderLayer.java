package dev.crossnet.core.model.clip;

import ai.djl.ndarray.NDArray;
import dev.crossnet.core.nn.Activations;
import dev.crossnet.core.nn.Attention;
import dev.crossnet.core.nn.AttentionHook;
import dev.crossnet.core.nn.AttentionNames;
import dev.crossnet.core.nn.LayerNorm;
import dev.crossnet.core.nn.Linear;
import dev.crossnet.core.nn.Module;
import dev.crossnet.core.nn.ParameterSource;
import dev.crossnet.core.nn.Scope;
import java.util.function.UnaryOperator;

/**
 * One pre-norm CLIP layer: x + attn(ln1(x)), then x + fc2(act(fc1(ln2(x)))). The text encoder passes a causal
 * mask; the vision encoder passes none, so every patch attends to every other.
 */
final class ClipEncoderLayer extends Module {

  private final LayerNorm norm1;
  private final Attention attention;
  private final LayerNorm norm2;
  private final Linear fc1;
  private final Linear fc2;
  private final UnaryOperator<NDArray> act;

  ClipEncoderLayer(ParameterSource source, String name, ClipTextConfig c) {
    this(source, name, c.hiddenSize(), c.intermediateSize(), c.heads(), c.hiddenAct(), c.layerNormEps());
  }

  ClipEncoderLayer(ParameterSource source, String name, ClipVisionConfig c) {
    this(source, name, c.hiddenSize(), c.intermediateSize(), c.heads(), c.hiddenAct(), c.layerNormEps());
  }

  private ClipEncoderLayer(ParameterSource source, String name, int hidden, int intermediate, int heads,
      String hiddenAct, float eps) {
    super(name);
    norm1 = child(new LayerNorm(source, path("layer_norm1"), hidden, eps));
    attention = child(new Attention(source, path("self_attn"), AttentionNames.CLIP, hidden, 0, heads,
        hidden / heads));
    norm2 = child(new LayerNorm(source, path("layer_norm2"), hidden, eps));
    fc1 = child(new Linear(source, path("mlp.fc1"), hidden, intermediate, true));
    fc2 = child(new Linear(source, path("mlp.fc2"), intermediate, hidden, true));
    act = Activations.byName(hiddenAct);
  }

  /** @param causalMask an additive [1, 1, T, T] mask, or null to attend to every position */
  NDArray forward(NDArray x, NDArray causalMask, AttentionHook hook) {
    try (Scope s = Scope.of(x, causalMask)) {
      NDArray y = attention.forward(norm1.forward(x), null, causalMask, hook, 0, 0).add(x);
      y = fc2.forward(act.apply(fc1.forward(norm2.forward(y)))).add(y);
      return s.keep(y);
    }
  }
}
