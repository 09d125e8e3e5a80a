package dev.crossnet.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/** The activations the supported models name in their configs. */
public final class Activations {

  private static final Map<String, UnaryOperator<NDArray>> BY_NAME = new TreeMap<>(Map.of(
      "silu", Activations::silu,
      "swish", Activations::silu,
      "gelu", Activations::gelu,
      "quick_gelu", Activations::quickGelu));

  private Activations() {}

  /** x * sigmoid(x). */
  public static NDArray silu(NDArray x) {
    return x.mul(Activation.sigmoid(x));
  }

  /** The exact (erf) GELU. */
  public static NDArray gelu(NDArray x) {
    return Activation.gelu(x);
  }

  /** CLIP's x * sigmoid(1.702 x). */
  public static NDArray quickGelu(NDArray x) {
    return x.mul(Activation.sigmoid(x.mul(Scalars.of(x, 1.702f))));
  }

  /** The activation of a config name such as {@code hidden_act} or {@code act_fn}. */
  public static UnaryOperator<NDArray> byName(String name) {
    UnaryOperator<NDArray> f = BY_NAME.get(name);
    if (f == null) {
      throw new IllegalArgumentException("unsupported activation '" + name + "'; supported: "
          + BY_NAME.keySet());
    }
    return f;
  }
}
