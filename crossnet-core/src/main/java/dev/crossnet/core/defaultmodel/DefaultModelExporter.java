package dev.crossnet.core.defaultmodel;

import ai.djl.ndarray.NDArray;
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
 */
public final class DefaultModelExporter {

  /** The list of the folder's files. */
  public static final String FILE_LIST = "files.txt";
  static final String DIFFUSERS_WEIGHTS = "diffusion_pytorch_model.safetensors";
  static final String TRANSFORMERS_WEIGHTS = "model.safetensors";

  private static final Logger LOG = LoggerFactory.getLogger(DefaultModelExporter.class);

  private DefaultModelExporter() {}

  /** Writes the whole model folder (creating it; files already there are replaced). */
  public static void export(Path dir, DefaultModelConfig config, AutoencoderKL vae, double scalingFactor,
      DiffusionNetworks networks, WordBpeVocabulary vocabulary) {
    try {
      Files.createDirectories(dir);
      Map<String, ModelIndex.Component> components = new LinkedHashMap<>();
      components.put("scheduler", new ModelIndex.Component("diffusers", "DDIMScheduler"));
      components.put("text_encoder", new ModelIndex.Component("transformers", "CLIPTextModel"));
      components.put("tokenizer", new ModelIndex.Component("transformers", "CLIPTokenizer"));
      components.put("unet", new ModelIndex.Component("diffusers", "UNet2DConditionModel"));
      components.put("vae", new ModelIndex.Component("diffusers", "AutoencoderKL"));
      new ModelIndex("StableDiffusionPipeline", components).write(dir, DefaultModelConfig.DIFFUSERS_VERSION);
      writeComponent(dir.resolve("unet"), config.unetJson(), networks.unet(), DIFFUSERS_WEIGHTS);
      writeComponent(dir.resolve("text_encoder"),
          config.textEncoderJson(vocabulary.vocabulary().size()), networks.textEncoder(), TRANSFORMERS_WEIGHTS);
      writeTokenizer(dir.resolve("tokenizer"), vocabulary, config.maxTokens());
      writeVae(dir.resolve("vae"), config, vae, scalingFactor);
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
    writeComponent(folder, config.vaeJson(scalingFactor), vae, DIFFUSERS_WEIGHTS);
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

  private static void writeComponent(Path folder, Map<String, Object> json, Module model, String weights) {
    write(folder.resolve("config.json"), DefaultModelConfig.toJson(json));
    Map<String, NDArray> tensors = new LinkedHashMap<>(model.namedParameters());
    SafetensorsWriter.write(folder.resolve(weights), tensors, Map.of("format", "pt"));
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
