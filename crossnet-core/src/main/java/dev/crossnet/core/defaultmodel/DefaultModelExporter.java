package dev.crossnet.core.defaultmodel;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.crossnet.core.model.ModelIndex;
import dev.crossnet.core.model.vae.AutoencoderKL;
import dev.crossnet.core.nn.Module;
import dev.crossnet.core.weights.SafetensorsWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the default model as a diffusers folder:
 *
 * <pre>
 * model_index.json
 * unet/{config.json, diffusion_pytorch_model.safetensors}
 * text_encoder/{config.json, model.safetensors}
 * tokenizer/{vocab.json, merges.txt, tokenizer_config.json, special_tokens_map.json}
 * vae/{config.json, diffusion_pytorch_model.safetensors}
 * scheduler/scheduler_config.json
 * files.txt            (every file above, one relative path a line, so the folder can be copied out of a jar)
 * </pre>
 *
 * <p>Weights are stored as float32 or, to halve the folder, float16; the loaders read either into float32.
 */
public final class DefaultModelExporter {

  /** The list of the folder's files. */
  public static final String FILE_LIST = "files.txt";
  static final String DIFFUSERS_WEIGHTS = "diffusion_pytorch_model.safetensors";
  static final String TRANSFORMERS_WEIGHTS = "model.safetensors";

  private static final Logger LOG = LoggerFactory.getLogger(DefaultModelExporter.class);

  private DefaultModelExporter() {}

  /** Writes the whole model folder with float32 weights (creating it; files already there are replaced). */
  public static void export(Path dir, DefaultModelConfig config, AutoencoderKL vae, double scalingFactor,
      DiffusionNetworks networks, WordBpeVocabulary vocabulary) {
    export(dir, config, vae, scalingFactor, networks, vocabulary, DataType.FLOAT32);
  }

  /**
   * Writes the whole model folder (creating it; files already there are replaced).
   *
   * @param weights FLOAT32 or FLOAT16: the type the weight files store
   */
  public static void export(Path dir, DefaultModelConfig config, AutoencoderKL vae, double scalingFactor,
      DiffusionNetworks networks, WordBpeVocabulary vocabulary, DataType weights) {
    if (weights != DataType.FLOAT32 && weights != DataType.FLOAT16) {
      throw new IllegalArgumentException("weights are exported as FLOAT32 or FLOAT16, not " + weights);
    }
    try {
      Files.createDirectories(dir);
      Map<String, ModelIndex.Component> components = new LinkedHashMap<>();
      components.put("scheduler", new ModelIndex.Component("diffusers", "DDIMScheduler"));
      components.put("text_encoder", new ModelIndex.Component("transformers", "CLIPTextModel"));
      components.put("tokenizer", new ModelIndex.Component("transformers", "CLIPTokenizer"));
      components.put("unet", new ModelIndex.Component("diffusers", "UNet2DConditionModel"));
      components.put("vae", new ModelIndex.Component("diffusers", "AutoencoderKL"));
      new ModelIndex("StableDiffusionPipeline", components).write(dir, DefaultModelConfig.DIFFUSERS_VERSION);
      writeComponent(dir.resolve("unet"), config.unetJson(), networks.unet(), DIFFUSERS_WEIGHTS, weights);
      writeComponent(dir.resolve("text_encoder"), config.textEncoderJson(vocabulary.vocabulary().size()),
          networks.textEncoder(), TRANSFORMERS_WEIGHTS, weights);
      writeTokenizer(dir.resolve("tokenizer"), vocabulary, config.maxTokens());
      writeComponent(dir.resolve("vae"), config.vaeJson(scalingFactor), vae, DIFFUSERS_WEIGHTS, weights);
      write(dir.resolve("scheduler").resolve("scheduler_config.json"),
          DefaultModelConfig.toJson(config.schedulerJson()));
      writeFileList(dir);
      LOG.info("default model written to {}", dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the default model to " + dir, e);
    }
  }

  /** Writes a diffusers {@code vae} folder with this scaling factor in its config. */
  public static void writeVae(Path folder, DefaultModelConfig config, AutoencoderKL vae, double scalingFactor) {
    writeComponent(folder, config.vaeJson(scalingFactor), vae, DIFFUSERS_WEIGHTS, DataType.FLOAT32);
  }

  /**
   * Replaces the UNet of a written model folder: {@code config.json} copied from {@code configSource}, the weights
   * of {@code unet} as {@code type}, then the folder's file list written again.
   */
  public static void replaceUnet(Path modelFolder, Path configSource, Module unet, DataType type) {
    try {
      Path folder = modelFolder.resolve("unet");
      Files.createDirectories(folder);
      write(folder.resolve("config.json"), Files.readString(configSource));
      writeWeights(folder.resolve(DIFFUSERS_WEIGHTS), unet, type);
      writeFileList(modelFolder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot replace the UNet of " + modelFolder, e);
    }
  }

  /** Writes a CLIP tokenizer folder whose length is {@code maxTokens} and whose pad token is eos. */
  public static void writeTokenizer(Path folder, WordBpeVocabulary vocabulary, int maxTokens) {
    Map<String, Object> specials = new LinkedHashMap<>();
    specials.put("bos_token", WordBpeVocabulary.START);
    specials.put("eos_token", WordBpeVocabulary.END);
    specials.put("pad_token", WordBpeVocabulary.END);
    specials.put("unk_token", WordBpeVocabulary.END);
    Map<String, Object> config = new LinkedHashMap<>(specials);
    config.put("add_prefix_space", false);
    config.put("clean_up_tokenization_spaces", true);
    config.put("do_lower_case", true);
    config.put("errors", "replace");
    config.put("model_max_length", maxTokens);
    config.put("tokenizer_class", "CLIPTokenizer");
    write(folder.resolve("vocab.json"), vocabulary.vocabularyJson());
    write(folder.resolve("merges.txt"), vocabulary.mergesText());
    write(folder.resolve("special_tokens_map.json"), DefaultModelConfig.toJson(specials));
    write(folder.resolve("tokenizer_config.json"), DefaultModelConfig.toJson(config));
  }

  private static void writeComponent(Path folder, Map<String, Object> json, Module model, String file,
      DataType type) {
    write(folder.resolve("config.json"), DefaultModelConfig.toJson(json));
    writeWeights(folder.resolve(file), model, type);
  }

  private static void writeWeights(Path file, Module model, DataType type) {
    try (NDManager scope = model.namedParameters().values().iterator().next().getManager().newSubManager()) {
      Map<String, NDArray> tensors = new LinkedHashMap<>();
      model.namedParameters().forEach((name, a) -> {
        NDArray t = a.toType(type, true);
        t.attach(scope);
        tensors.put(name, t);
      });
      SafetensorsWriter.write(file, tensors, Map.of("format", "pt"));
    }
  }

  private static void writeFileList(Path dir) throws IOException {
    List<String> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
          .filter(p -> !p.equals(FILE_LIST)).sorted().toList();
    }
    write(dir.resolve(FILE_LIST), String.join("\n", files) + "\n");
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
