package dev.crossnet.core.model.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.crossnet.core.model.AtomicFiles;
import dev.crossnet.core.weights.MemoryTensorStore;
import dev.crossnet.core.weights.SafetensorsWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Inpainting UNets, as Stable Diffusion's inpainting checkpoints are: the UNet reads, beside the noisy latent, the
 * region as a one-channel mask and the latent of the picture with the region blanked, concatenated on the channel
 * axis in that order, so {@code in_channels = 2 * out_channels + 1} (9 for Stable Diffusion's 4 latent channels).
 */
public final class InpaintingUnets {

  /** The UNet folder's weights file (diffusers' name). */
  public static final String WEIGHTS = "diffusion_pytorch_model.safetensors";
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  private InpaintingUnets() {}

  /** Whether the UNet reads a mask and a masked latent beside its noisy latent. */
  public static boolean isInpainting(UNetConfig config) {
    return config.inChannels() == 2 * config.outChannels() + 1;
  }

  /**
   * Whether the diffusers UNet folder {@code unet} (its {@code config.json}) holds an inpainting UNet, without
   * loading its weights.
   *
   * @throws UncheckedIOException when the config cannot be read; IllegalArgumentException when it is not valid
   */
  public static boolean isInpainting(Path unet) {
    JsonObject config = readConfig(unet.resolve("config.json"));
    return number(config, "in_channels", 4) == 2 * number(config, "out_channels", 4) + 1;
  }

  /**
   * Writes to {@code target} the UNet of {@code source} widened into an inpainting UNet that predicts exactly what
   * the source does: {@code conv_in}'s weights for the mask and the masked latent start at zero, so training
   * starts from the source's behaviour and learns to read them. Both folders are diffusers {@code unet} folders;
   * the target's weights are float32 and its files are written atomically.
   *
   * @throws IllegalArgumentException when the source already is an inpainting UNet, or its {@code in_channels}
   *     differ from its {@code out_channels}
   */
  public static void widen(Path source, Path target) {
    JsonObject config = readConfig(source.resolve("config.json"));
    int in = number(config, "in_channels", 4);
    int out = number(config, "out_channels", 4);
    if (in != out) {
      throw new IllegalArgumentException("the UNet in " + source + " reads " + in + " channels and writes " + out
          + "; only a plain text-to-image UNet (in_channels = out_channels) can be widened into an inpainting one");
    }
    config.addProperty("in_channels", 2 * out + 1);
    try (NDManager m = NDManager.newBaseManager()) {
      MemoryTensorStore store = MemoryTensorStore.read(source.resolve(WEIGHTS), m);
      Map<String, NDArray> tensors = new LinkedHashMap<>();
      for (String name : store.names()) {
        NDArray t = store.load(name, m).toType(DataType.FLOAT32, false);
        if (name.equals("conv_in.weight")) {
          Shape s = t.getShape();
          NDArray extra = m.zeros(new Shape(s.get(0), out + 1, s.get(2), s.get(3)));
          t = t.concat(extra, 1);
        }
        tensors.put(name, t);
      }
      if (!tensors.containsKey("conv_in.weight")) {
        throw new IllegalArgumentException(source.resolve(WEIGHTS) + " has no tensor conv_in.weight: not a "
            + "diffusers UNet2DConditionModel");
      }
      Files.createDirectories(target);
      AtomicFiles.writeString(target.resolve("config.json"), GSON.toJson(config));
      SafetensorsWriter.write(target.resolve(WEIGHTS), tensors, Map.of("format", "pt"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the inpainting UNet to " + target, e);
    }
  }

  private static JsonObject readConfig(Path file) {
    try {
      JsonElement e = JsonParser.parseString(Files.readString(file));
      if (!e.isJsonObject()) {
        throw new IllegalArgumentException(file + " is not a JSON object; a diffusers UNet folder needs its "
            + "config.json");
      }
      return e.getAsJsonObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " (a diffusers UNet folder needs its config.json)", e);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("cannot parse " + file + ": " + e.getMessage(), e);
    }
  }

  private static int number(JsonObject config, String key, int absent) {
    JsonElement v = config.get(key);
    if (v == null || v.isJsonNull()) {
      return absent;
    }
    try {
      return v.getAsInt();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("config.json's " + key + " is " + v + ", not a whole number", e);
    }
  }
}
