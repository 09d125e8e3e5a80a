package dev.crossnet.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * The sinusoidal timestep features of diffusers' {@code get_timestep_embedding}: frequencies
 * exp(-ln(10000) i / (half - freqShift)), sines then cosines (or cosines first when flipSinToCos), zero-padded
 * to an odd dimension. Computed in float32 with the same op order, so large timesteps agree to the last bits.
 */
public final class Timesteps {

  private final int dim;
  private final boolean flipSinToCos;
  private final float freqShift;

  public Timesteps(int dim, boolean flipSinToCos, float freqShift) {
    this.dim = dim;
    this.flipSinToCos = flipSinToCos;
    this.freqShift = freqShift;
  }

  /** Features [B, dim] of timesteps [B] (any numeric type). */
  public NDArray forward(NDArray timesteps) {
    try (Scope s = Scope.of(timesteps)) {
      int half = dim / 2;
      NDArray exponent = s.manager().arange(0, half, 1, DataType.FLOAT32)
          .mul((float) -Math.log(10000.0))
          .div(half - freqShift);
      NDArray freqs = exponent.exp();
      NDArray args = timesteps.toType(DataType.FLOAT32, false).reshape(-1, 1).mul(freqs.reshape(1, -1));
      NDArray sin = args.sin();
      NDArray cos = args.cos();
      NDArray emb = flipSinToCos ? cos.concat(sin, 1) : sin.concat(cos, 1);
      if (dim % 2 == 1) {
        emb = emb.concat(s.manager().zeros(new ai.djl.ndarray.types.Shape(emb.getShape().get(0), 1)), 1);
      }
      return s.keep(emb);
    }
  }
}
