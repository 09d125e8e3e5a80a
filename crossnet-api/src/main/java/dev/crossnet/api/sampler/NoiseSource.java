package dev.crossnet.api.sampler;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/**
 * Where a run draws its Gaussian noise. A source supplied by the caller makes any run replayable (tests feed
 * recorded noise); {@link #seeded(long)} gives the same numbers for the same seed on every machine, because
 * they are drawn in Java, not by the engine's global generator.
 *
 * <p>A source is stateful (it advances as it is drawn from) and belongs to one run.
 */
public interface NoiseSource {

  /** Standard normal noise of the given shape, created in {@code manager}. */
  NDArray next(NDManager manager, Shape shape);

  /** A deterministic source: the same seed gives the same sequence of arrays. */
  static NoiseSource seeded(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    return (manager, shape) -> {
      long count = shape.size();
      if (count > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("noise of shape " + shape + " is too large");
      }
      float[] values = new float[(int) count];
      for (int i = 0; i < values.length; i += 2) {
        // Box-Muller: two independent normals per pair of uniforms
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        double r = Math.sqrt(-2.0 * Math.log(u1));
        values[i] = (float) (r * Math.cos(2 * Math.PI * u2));
        if (i + 1 < values.length) {
          values[i + 1] = (float) (r * Math.sin(2 * Math.PI * u2));
        }
      }
      return manager.create(values, shape);
    };
  }

  /** A source that must never be drawn from (for deterministic samplers); fails if it is. */
  static NoiseSource none() {
    return (manager, shape) -> {
      throw new IllegalStateException("this run was given no noise source, but its sampler draws noise; "
          + "pass NoiseSource.seeded(seed)");
    };
  }
}
