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

/** One pre-norm CLIP layer: x + attn(ln1(x)) under a causal mask, then x + fc2(act(fc1(ln2(x)))). */
final class ClipEncoderLayer extends Module {

  private final LayerNorm norm1;
  private final Attention attention;
  private final LayerNorm norm2;
  private final Linear fc1;
  private final Linear fc2;
  private final UnaryOperator<NDArray> act;

  ClipEncoderLayer(ParameterSource source, String name, ClipTextConfig c) {
    super(name);
    norm1 = child(new LayerNorm(source, path("layer_norm1"), c.hiddenSize(), c.layerNormEps()));
    attention = child(new Attention(source, path("self_attn"), AttentionNames.CLIP, c.hiddenSize(), 0,
        c.heads(), c.hiddenSize() / c.heads()));
    norm2 = child(new LayerNorm(source, path("layer_norm2"), c.hiddenSize(), c.layerNormEps()));
    fc1 = child(new Linear(source, path("mlp.fc1"), c.hiddenSize(), c.intermediateSize(), true));
    fc2 = child(new Linear(source, path("mlp.fc2"), c.intermediateSize(), c.hiddenSize(), true));
    act = Activations.byName(c.hiddenAct());
  }

  NDArray forward(NDArray x, NDArray causalMask, AttentionHook hook) {
    try (Scope s = Scope.of(x, causalMask)) {
      NDArray y = attention.forward(norm1.forward(x), null, causalMask, hook, 0, 0).add(x);
      y = fc2.forward(act.apply(fc1.forward(norm2.forward(y)))).add(y);
      return s.keep(y);
    }
  }
}
