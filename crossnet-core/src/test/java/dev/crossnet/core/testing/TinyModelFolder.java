package dev.crossnet.core.testing;

import dev.crossnet.core.defaultmodel.WordBpeVocabulary;
import dev.crossnet.core.model.Goldens;
import dev.crossnet.core.model.ModelIndex;
import dev.crossnet.core.text.ClipTokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A whole diffusers folder assembled from the golden components (unet-a + clip-a + vae-a, DDIM eta 0, a word
 * tokenizer): a real model that loads and runs in well under a second. Tests are skipped when the shared
 * folder is absent.
 */
public final class TinyModelFolder {

  /** Words the tokenizer knows whole; clip-a knows 1000 tokens, so the vocabulary stays small. */
  public static final List<String> WORDS = List.of("a", "red", "robot", "waving", "dog", "photo", "of", "and",
      "cat", "object", "sitting", "blue");

  private TinyModelFolder() {}

  /** Assembles the folder at {@code dir} and returns it. */
  public static Path assemble(Path dir) {
    try {
      copyFolder(Goldens.folder("unet-a").resolve("model"), dir.resolve("unet"));
      copyFolder(Goldens.folder("clip-a").resolve("model"), dir.resolve("text_encoder"));
      copyFolder(Goldens.folder("vae-a").resolve("model"), dir.resolve("vae"));
      Files.createDirectories(dir.resolve("scheduler"));
      Files.copy(Goldens.folder("ddim-eta0").resolve("scheduler_config.json"),
          dir.resolve("scheduler").resolve("scheduler_config.json"));
      WordBpeVocabulary words = WordBpeVocabulary.learn(WORDS);
      ClipTokenizer.of(words.vocabulary(), words.merges()).save(dir.resolve("tokenizer"));
      new ModelIndex("StableDiffusionPipeline", Map.of(
          "unet", new ModelIndex.Component("diffusers", "UNet2DConditionModel"),
          "text_encoder", new ModelIndex.Component("transformers", "CLIPTextModel"),
          "tokenizer", new ModelIndex.Component("transformers", "CLIPTokenizer"),
          "vae", new ModelIndex.Component("diffusers", "AutoencoderKL"),
          "scheduler", new ModelIndex.Component("diffusers", "DDIMScheduler"))).write(dir, "0.25.0");
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot assemble the tiny model in " + dir, e);
    }
  }

  /**
   * Assembles the folder as {@link #assemble} does and adds a random image adapter (the tiny sizes of
   * {@link dev.crossnet.core.defaultmodel.ImageAdapterConfig#tiny()}: {@code image_encoder/} and {@code ip_adapter/}).
   */
  public static Path assembleWithAdapter(Path dir, long seed) {
    assemble(dir);
    var sizes = dev.crossnet.core.defaultmodel.ImageAdapterConfig.tiny();
    try (ai.djl.ndarray.NDManager m = dev.crossnet.core.engine.OfflineEngine.get().newBaseManager()) {
      var unet = dev.crossnet.core.model.unet.UNet2DConditionModel.load(dir.resolve("unet"), m);
      var encoder = dev.crossnet.core.model.clip.ClipVisionModel.initialise(sizes.encoderConfig(), seed, m);
      var adapter = dev.crossnet.core.model.unet.IpAdapter.initialise(unet, sizes.projection(), sizes.tokens(),
          seed + 1, m);
      // a fresh adapter's image values are zero (it changes nothing): give them weights so the prompt acts
      var weights = adapter.namedParameters();
      weights.forEach((name, p) -> {
        if (name.endsWith("to_v_ip.weight")) {
          p.set(weights.get(name.replace("to_v_ip", "to_k_ip")).mul(8f).toFloatArray());
        }
      });
      new dev.crossnet.core.model.ImageAdapter(encoder, sizes.processor(), adapter)
          .save(dir, sizes.encoderConfigText(), sizes.processorConfigText());
    }
    return dir;
  }

  /**
   * Assembles the folder as {@link #assemble} does with its UNet widened into an inpainting UNet
   * ({@link dev.crossnet.core.model.unet.InpaintingUnets#widen}); {@code conditionWeight} fills {@code conv_in}'s
   * weights for the mask and the masked latent (0: the widened UNet predicts what the plain one does).
   */
  public static Path assembleInpainting(Path dir, float conditionWeight) {
    assemble(dir);
    Path plain = dir.resolve("unet-plain");
    try {
      Files.move(dir.resolve("unet"), plain);
      dev.crossnet.core.model.unet.InpaintingUnets.widen(plain, dir.resolve("unet"));
      deleteFolder(plain);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot widen the tiny model's UNet in " + dir, e);
    }
    if (conditionWeight != 0) {
      Path weights = dir.resolve("unet").resolve(dev.crossnet.core.model.unet.InpaintingUnets.WEIGHTS);
      try (ai.djl.ndarray.NDManager m = dev.crossnet.core.engine.OfflineEngine.get().newBaseManager()) {
        var store = dev.crossnet.core.weights.MemoryTensorStore.read(weights, m);
        Map<String, ai.djl.ndarray.NDArray> tensors = new java.util.LinkedHashMap<>();
        for (String name : store.names()) {
          ai.djl.ndarray.NDArray t = store.load(name, m);
          if (name.equals("conv_in.weight")) {
            long latent = (t.getShape().get(1) - 1) / 2;
            float[] w = t.toFloatArray();
            long per = t.getShape().get(2) * t.getShape().get(3);
            long in = t.getShape().get(1);
            for (int i = 0; i < w.length; i++) {
              if ((i / per) % in >= latent) {
                w[i] = conditionWeight * ((i % 7) - 3);
              }
            }
            t = m.create(w, t.getShape());
          }
          tensors.put(name, t);
        }
        dev.crossnet.core.weights.SafetensorsWriter.write(weights, tensors, Map.of("format", "pt"));
      }
    }
    return dir;
  }

  private static void deleteFolder(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    Files.delete(folder);
  }

  private static void copyFolder(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
  }
}
