package dev.crossnet.core.weights;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Finds and opens the weights of one model component folder in diffusers / transformers layout
 * ({@code unet/}, {@code vae/}, {@code text_encoder/}): a shard index first, else a single file.
 *
 * <pre>{@code
 * try (TensorStore unet = ComponentWeights.open(modelDir.resolve("unet"))) { ... }
 * }</pre>
 */
public final class ComponentWeights {

  /** Base names diffusers and transformers give their weight files, in the order they are tried. */
  public static final List<String> BASE_NAMES = List.of("diffusion_pytorch_model", "model");

  private ComponentWeights() {}

  /** Opens the folder's default (full-precision) weights. */
  public static TensorStore open(Path folder) {
    return open(folder, null);
  }

  /**
   * Opens the weights of a variant ({@code "fp16"} selects {@code diffusion_pytorch_model.fp16.safetensors}),
   * or the default weights when {@code variant} is null.
   */
  public static TensorStore open(Path folder, String variant) {
    return SafetensorsOrIndex.locate(folder, variant).open();
  }

  /** The file that {@link #open(Path, String)} would read, without opening it. */
  public static Path locate(Path folder, String variant) {
    return SafetensorsOrIndex.locate(folder, variant).path();
  }

  private record SafetensorsOrIndex(Path path, boolean index) {

    TensorStore open() {
      return index ? ShardedSafetensors.open(path) : SafetensorsFile.open(path);
    }

    static SafetensorsOrIndex locate(Path folder, String variant) {
      if (!Files.isDirectory(folder)) {
        throw new WeightsException(folder + " is not a folder; expected a model component folder holding "
            + expected(variant));
      }
      String infix = variant == null ? "" : "." + variant;
      for (String base : BASE_NAMES) {
        Path index = folder.resolve(base + infix + ".safetensors.index.json");
        if (Files.isRegularFile(index)) {
          return new SafetensorsOrIndex(index, true);
        }
      }
      for (String base : BASE_NAMES) {
        Path single = folder.resolve(base + infix + ".safetensors");
        if (Files.isRegularFile(single)) {
          return new SafetensorsOrIndex(single, false);
        }
      }
      throw new WeightsException(missingMessage(folder, variant));
    }

    private static String expected(String variant) {
      String infix = variant == null ? "" : "." + variant;
      return "diffusion_pytorch_model" + infix + ".safetensors or model" + infix
          + ".safetensors (or a matching .safetensors.index.json for sharded weights)";
    }

    private static String missingMessage(Path folder, String variant) {
      List<String> files;
      try (Stream<Path> list = Files.list(folder)) {
        files = list.map(p -> p.getFileName().toString()).sorted().toList();
      } catch (IOException e) {
        files = List.of();
      }
      StringBuilder msg = new StringBuilder(folder + " has no " + expected(variant) + "; it holds "
          + (files.isEmpty() ? "no files" : files) + ".");
      boolean pickled = files.stream().map(f -> f.toLowerCase(Locale.ROOT))
          .anyMatch(f -> f.endsWith(".bin") || f.endsWith(".ckpt") || f.endsWith(".pt") || f.endsWith(".pth"));
      if (pickled) {
        msg.append(" PyTorch pickle checkpoints (.bin/.ckpt/.pt) are not supported: they can run arbitrary"
            + " code when read and need Python to decode. Convert once with Python:"
            + " `from safetensors.torch import save_file; import torch;"
            + " save_file(torch.load('diffusion_pytorch_model.bin', map_location='cpu'),"
            + " 'diffusion_pytorch_model.safetensors')`, or load the model in diffusers and call"
            + " save_pretrained(dir, safe_serialization=True).");
      } else if (variant == null && files.stream().anyMatch(f -> f.endsWith(".safetensors"))) {
        msg.append(" If those are variant weights (e.g. *.fp16.safetensors), open the folder with that variant.");
      }
      return msg.toString();
    }
  }
}
