package dev.crossnet.core.nn;

import ai.djl.ndarray.NDArray;

/**
 * diffusers' {@code ResnetBlock2D} (default time-embedding norm): norm1, SiLU, conv1, plus the projected
 * time embedding, norm2, SiLU, conv2, added to the (1x1-projected when channels change) input, divided
 * by the output scale factor.
 */
public final class ResnetBlock2D extends Module {

  private final GroupNorm norm1;
  private final Conv2d conv1;
  private final Linear timeEmbProj;
  private final GroupNorm norm2;
  private final Conv2d conv2;
  private final Conv2d shortcut;
  private final float outputScale;

  /**
   * @param timeChannels width of the time embedding, or 0 for a block without one (the VAE's)
   */
  public ResnetBlock2D(ParameterSource source, String name, long in, long out, long timeChannels,
      int groups, float eps, float outputScale) {
    super(name);
    this.norm1 = child(new GroupNorm(source, path("norm1"), groups, in, eps));
    this.conv1 = child(Conv2d.same(source, path("conv1"), in, out, 3));
    this.timeEmbProj = timeChannels > 0
        ? child(new Linear(source, path("time_emb_proj"), timeChannels, out, true)) : null;
    this.norm2 = child(new GroupNorm(source, path("norm2"), groups, out, eps));
    this.conv2 = child(Conv2d.same(source, path("conv2"), out, out, 3));
    this.shortcut = in != out ? child(new Conv2d(source, path("conv_shortcut"), in, out, 1, 1, 0)) : null;
    this.outputScale = outputScale;
  }

  /** @param temb the time embedding [B, T] or null when the block has none */
  public NDArray forward(NDArray x, NDArray temb) {
    try (Scope s = Scope.of(x, temb)) {
      NDArray h = conv1.forward(Activations.silu(norm1.forward(x)));
      if (timeEmbProj != null && temb != null) {
        NDArray t = timeEmbProj.forward(Activations.silu(temb));
        h = h.add(t.reshape(t.getShape().get(0), -1, 1, 1));
      }
      h = conv2.forward(Activations.silu(norm2.forward(h)));
      NDArray skip = shortcut == null ? x : shortcut.forward(x);
      NDArray y = skip.add(h);
      return s.keep(outputScale == 1f ? y : y.div(outputScale));
    }
  }

  /** Multiply-accumulates of the convolutions for an input of h x w pixels (outputs same size). */
  public long macs(long h, long w) {
    long px = h * w;
    return px * (conv1.macsPerPixel() + conv2.macsPerPixel()
        + (shortcut == null ? 0 : shortcut.macsPerPixel()));
  }
}
