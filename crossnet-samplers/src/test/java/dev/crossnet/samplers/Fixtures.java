package dev.crossnet.samplers;

import static org.assertj.core.api.Assumptions.assumeThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.api.plugin.PluginRegistry;
import dev.crossnet.api.sampler.NoiseSource;
import dev.crossnet.api.sampler.Sampler;
import dev.crossnet.api.sampler.SamplerProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.Deque;

/** Shared test plumbing: samplers by name, reference files, diffusers' dummy inputs, recorded noise. */
public final class Fixtures {

  private Fixtures() {}

  public static final PluginRegistry<SamplerProvider> SAMPLERS =
      PluginRegistry.discover(SamplerProvider.class, "sampler", "crossnet-samplers");

  public static Sampler sampler(String name, Object... config) {
    return SAMPLERS.get(name).create(PluginConfig.of(config));
  }

  public static Sampler sampler(String name, PluginConfig config) {
    return SAMPLERS.get(name).create(config);
  }

  /** The shared golden folder, or a skipped test when this checkout has none next to it. */
  public static Path shared(String folder) {
    String root = System.getProperty("crossnet.shared", "../shared");
    Path dir = Paths.get(root, "goldens", folder);
    assumeThat(Files.isDirectory(dir))
        .as("golden folder %s is absent (set -Dcrossnet.shared to the shared folder to run this check)",
            dir.toAbsolutePath())
        .isTrue();
    return dir;
  }

  public static NDList readSafetensors(NDManager manager, Path file) {
    try {
      return NDList.decode(manager, Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static NDList readResource(NDManager manager, String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("test resource " + name + " is missing");
      }
      return NDList.decode(manager, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** diffusers' {@code dummy_sample_deter}: arange(n) / n laid out as (C, H, W, B), then permuted to BCHW. */
  public static NDArray dummySampleDeter(NDManager m, boolean flipped) {
    int b = 4;
    int c = 3;
    int h = 8;
    int w = 8;
    int n = b * c * h * w;
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = (float) ((flipped ? n - 1 - i : i) / (double) n);
    }
    return m.create(values, new Shape(c, h, w, b)).transpose(3, 0, 1, 2);
  }

  /** diffusers' dummy model: {@code sample * t / (t + 1)}, t in float32. */
  public static NDArray dummyModel(NDArray sample, double t) {
    float tf = (float) t;
    return sample.mul(tf / (tf + 1f));
  }

  /** A noise source that replays the given arrays in order and fails when it runs out. */
  public static NoiseSource replay(NDList arrays) {
    Deque<NDArray> queue = new ArrayDeque<>(arrays);
    return (manager, shape) -> {
      NDArray next = queue.poll();
      if (next == null) {
        throw new IllegalStateException("the recorded noise ran out");
      }
      if (!next.getShape().equals(shape)) {
        throw new IllegalStateException("recorded noise has shape " + next.getShape() + ", asked for " + shape);
      }
      return next.duplicate();
    };
  }

  public static double absSum(NDArray x) {
    return x.abs().sum().toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble();
  }

  public static double absMean(NDArray x) {
    return absSum(x) / x.getShape().size();
  }

  public static double maxAbsDiff(NDArray a, NDArray b) {
    return a.sub(b).abs().max().toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble();
  }
}
