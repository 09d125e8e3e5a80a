package dev.crossnet.core.defaultmodel;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.core.model.vae.AutoencoderKL;
import dev.crossnet.core.nn.GradMode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.BiFunction;

/**
 * The unscaled latent means of a picture set, encoded once by the trained autoencoder and kept in memory
 * (4 KB per 16x16x4 latent), so that the diffusion stage runs only the UNet and the text encoder.
 */
public final class LatentSet {

  private final int channels;
  private final int side;
  private final float[][] latents;

  private LatentSet(int channels, int side, float[][] latents) {
    this.channels = channels;
    this.side = side;
    this.latents = latents;
  }

  /** Encodes every picture, {@code batch} at a time, each batch in its own manager. */
  public static LatentSet encode(AutoencoderKL vae, FigureWorldImages images, int batch, NDManager manager) {
    return encode(vae, images.count(), images::pixels, batch, manager);
  }

  /**
   * Encodes {@code count} pictures that {@code pixels} gives by index ([B, 3, H, W] in [-1, 1]), {@code batch} at a
   * time, each batch in its own manager.
   */
  public static LatentSet encode(AutoencoderKL vae, int count, BiFunction<int[], NDManager, NDArray> pixels,
      int batch, NDManager manager) {
    float[][] out = new float[count][];
    int channels = vae.config().latentChannels();
    int side = 0;
    try (GradMode off = GradMode.disabled()) {
      for (int start = 0; start < count; start += batch) {
        int n = Math.min(batch, count - start);
        int[] indices = java.util.stream.IntStream.range(start, start + n).toArray();
        try (NDManager scope = manager.newSubManager()) {
          NDArray mean = vae.encode(pixels.apply(indices, scope)).mean();
          side = (int) mean.getShape().get(2);
          float[] flat = mean.toFloatArray();
          int per = flat.length / n;
          for (int i = 0; i < n; i++) {
            out[start + i] = java.util.Arrays.copyOfRange(flat, i * per, (i + 1) * per);
          }
        }
      }
    }
    return new LatentSet(channels, side, out);
  }

  public int count() {
    return latents.length;
  }

  /** 1 / standard deviation of every latent value: what diffusers calls the VAE's scaling factor. */
  public double scalingFactor() {
    double sum = 0;
    double squares = 0;
    long n = 0;
    for (float[] l : latents) {
      for (float v : l) {
        sum += v;
        squares += (double) v * v;
        n++;
      }
    }
    double mean = sum / n;
    return 1.0 / Math.sqrt(Math.max(squares / n - mean * mean, 1e-12));
  }

  /** The latents of these indices multiplied by {@code scale}, as a flat [B, C, h, w] array. */
  public float[] scaled(int[] indices, float scale) {
    int per = channels * side * side;
    float[] out = new float[indices.length * per];
    for (int b = 0; b < indices.length; b++) {
      float[] l = latents[indices[b]];
      for (int i = 0; i < per; i++) {
        out[b * per + i] = l[i] * scale;
      }
    }
    return out;
  }

  /** The shape of a batch of {@code b} latents. */
  public Shape shape(int b) {
    return new Shape(b, channels, side, side);
  }

  /** Writes the set to a file (atomically), so a later sitting need not encode again. */
  public void save(Path file) {
    try {
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
        out.writeInt(latents.length);
        out.writeInt(channels);
        out.writeInt(side);
        for (float[] l : latents) {
          for (float v : l) {
            out.writeFloat(v);
          }
        }
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write latents to " + file, e);
    }
  }

  /** Reads a set written by {@link #save(Path)}. */
  public static LatentSet read(Path file) {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      int n = in.readInt();
      int channels = in.readInt();
      int side = in.readInt();
      float[][] latents = new float[n][channels * side * side];
      for (float[] l : latents) {
        for (int i = 0; i < l.length; i++) {
          l[i] = in.readFloat();
        }
      }
      return new LatentSet(channels, side, latents);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read latents from " + file, e);
    }
  }
}
