package dev.crossnet.core.edit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.api.sampler.NoiseSource;

/**
 * A noise source whose [B, C, H, W] arrays are rolled (circularly) by whole cells along H and W: the same noise
 * field, moved. Other shapes pass through unchanged. Rolling keeps every value, so the noise stays standard normal.
 */
final class ShiftedNoise implements NoiseSource {

  private final NoiseSource source;
  private final int dx;
  private final int dy;

  ShiftedNoise(NoiseSource source, int dx, int dy) {
    this.source = source;
    this.dx = dx;
    this.dy = dy;
  }

  /** {@code source} itself when there is nothing to shift. */
  static NoiseSource of(NoiseSource source, int dx, int dy) {
    return dx == 0 && dy == 0 ? source : new ShiftedNoise(source, dx, dy);
  }

  @Override
  public NDArray next(NDManager manager, Shape shape) {
    NDArray drawn = source.next(manager, shape);
    if (shape.dimension() != 4) {
      return drawn;
    }
    int h = (int) shape.get(2);
    int w = (int) shape.get(3);
    int planes = (int) (shape.get(0) * shape.get(1));
    float[] in = drawn.toFloatArray();
    drawn.close();
    float[] out = new float[in.length];
    for (int p = 0; p < planes; p++) {
      int base = p * h * w;
      for (int y = 0; y < h; y++) {
        int ty = Math.floorMod(y + dy, h);
        for (int x = 0; x < w; x++) {
          out[base + ty * w + Math.floorMod(x + dx, w)] = in[base + y * w + x];
        }
      }
    }
    return manager.create(out, shape);
  }
}
