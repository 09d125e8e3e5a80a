package dev.crossnet.core.model;

import ai.djl.ndarray.NDManager;
import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.core.model.clip.ClipImageProcessor;
import dev.crossnet.core.model.clip.ClipTextModel;
import dev.crossnet.core.model.unet.UNet2DConditionModel;
import dev.crossnet.core.model.vae.AutoencoderKL;
import dev.crossnet.core.text.PromptTokenizer;
import dev.crossnet.core.text.PromptTokenizers;
import dev.crossnet.core.text.Vocabulary;
import dev.crossnet.core.weights.SafetensorsFile;
import dev.crossnet.core.weights.SafetensorsWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole text-to-image model as a diffusers folder holds it: tokenizer, text encoder, UNet, an optional VAE
 * (absent for pixel-space models) and the scheduler settings. {@link #load(Path, NDManager)} reads a folder in
 * one call (weights memory-mapped, so multi-GB checkpoints load); {@link #save(Path)} writes the same layout.
 *
 * <pre>{@code
 * try (NDManager m = OfflineEngine.get().newBaseManager()) {
 *   DiffusionModel model = DiffusionModel.load(Path.of("stable-diffusion-v1-5"), m);
 *   Picture p = TextToImage.of(model).generate(TextToImageRequest.of("a photo of a dog"), m);
 * }
 * }</pre>
 */
public final class DiffusionModel {

  private static final Logger LOG = LoggerFactory.getLogger(DiffusionModel.class);
  /** Written as {@code _diffusers_version} so diffusers accepts the folders CrossNet saves. */
  static final String DIFFUSERS_VERSION = "0.25.0";

  private final Path source;
  private final ModelIndex index;
  private final PromptTokenizer tokenizer;
  private final ClipTextModel textEncoder;
  private final UNet2DConditionModel unet;
  private final Optional<AutoencoderKL> vae;
  private final Optional<ImageAdapter> imageAdapter;
  private final Optional<ImageWords> imageWords;
  private final PluginConfig schedulerConfig;
  private final Map<String, String> configTexts;

  private DiffusionModel(Path source, ModelIndex index, PromptTokenizer tokenizer, ClipTextModel textEncoder,
      UNet2DConditionModel unet, Optional<AutoencoderKL> vae, Optional<ImageAdapter> imageAdapter,
      Optional<ImageWords> imageWords, PluginConfig schedulerConfig, Map<String, String> configTexts) {
    this.imageAdapter = imageAdapter;
    this.imageWords = imageWords;
    this.source = source;
    this.index = index;
    this.tokenizer = tokenizer;
    this.textEncoder = textEncoder;
    this.unet = unet;
    this.vae = vae;
    this.schedulerConfig = schedulerConfig;
    this.configTexts = Map.copyOf(configTexts);
  }

  /**
   * Loads a diffusers model folder. Weights live in {@code manager}. Fails naming the folder and the missing
   * part when the layout is incomplete, and naming file and tensor when a checkpoint does not fit its config.
   */
  public static DiffusionModel load(Path folder, NDManager manager) {
    try {
      ModelIndex index = ModelIndex.read(folder);
      for (String required : new String[] {"unet", "text_encoder", "tokenizer", "scheduler"}) {
        if (!Files.isDirectory(folder.resolve(required))) {
          throw new IOException(folder + " has no " + required + "/ folder; a CrossNet model needs unet/, "
              + "text_encoder/, tokenizer/ and scheduler/ (vae/ is optional: without it the model works in pixels)");
        }
      }
      WeightsOpener mapped = (file, m) -> SafetensorsFile.open(file);
      Map<String, String> texts = new LinkedHashMap<>();
      UNet2DConditionModel unet = UNet2DConditionModel.load(folder.resolve("unet"), mapped, manager);
      texts.put("unet", readConfig(folder.resolve("unet")));
      ClipTextModel text = ClipTextModel.load(folder.resolve("text_encoder"), mapped, manager);
      texts.put("text_encoder", readConfig(folder.resolve("text_encoder")));
      Optional<AutoencoderKL> vae = Optional.empty();
      if (ModelFolder.exists(folder.resolve("vae"))) {
        vae = Optional.of(AutoencoderKL.load(folder.resolve("vae"), mapped, manager));
        texts.put("vae", readConfig(folder.resolve("vae")));
      }
      Optional<ImageAdapter> adapter = ImageAdapter.load(folder, unet, manager);
      if (adapter.isPresent()) {
        Path encoderDir = folder.resolve(ImageAdapter.ENCODER_FOLDER);
        texts.put(ImageAdapter.ENCODER_FOLDER, readConfig(encoderDir));
        Path processor = encoderDir.resolve(ClipImageProcessor.FILE);
        if (Files.isRegularFile(processor)) {
          texts.put(ClipImageProcessor.FILE, Files.readString(processor, StandardCharsets.UTF_8));
        }
      }
      Optional<ImageWords> words = ImageWords.load(folder,
          adapter.map(a -> a.encoder().config().projectionDim()),
          Math.toIntExact(text.tokenEmbeddings().getShape().get(1)), manager);
      PromptTokenizer tokenizer = PromptTokenizers.load(folder.resolve("tokenizer"));
      Path schedulerFile = folder.resolve("scheduler").resolve("scheduler_config.json");
      if (!Files.isRegularFile(schedulerFile)) {
        throw new IOException(folder.resolve("scheduler") + " has no scheduler_config.json");
      }
      PluginConfig scheduler = PluginConfig.readJson(schedulerFile);
      texts.put("scheduler", Files.readString(schedulerFile, StandardCharsets.UTF_8));
      LOG.info("loaded model {} ({}; {}{}{})", folder, index.pipelineClass(),
          vae.isPresent() ? "latent space" : "pixel space", adapter.isPresent() ? "; image adapter" : "",
          words.isPresent() ? "; image words" : "");
      return new DiffusionModel(folder, index, tokenizer, text, unet, vae, adapter, words, scheduler, texts);
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }

  private static String readConfig(Path component) throws IOException {
    return Files.readString(component.resolve("config.json"), StandardCharsets.UTF_8);
  }

  /**
   * Writes the model in diffusers layout: the same configs, the current weights (e.g. after training) as
   * safetensors, each file written atomically.
   */
  public void save(Path folder) {
    try {
      Files.createDirectories(folder);
      writeComponent(folder.resolve("unet"), "unet", "diffusion_pytorch_model.safetensors", unet.namedParameters());
      writeComponent(folder.resolve("text_encoder"), "text_encoder", "model.safetensors",
          textEncoder.namedParameters());
      if (vae.isPresent()) {
        writeComponent(folder.resolve("vae"), "vae", "diffusion_pytorch_model.safetensors",
            vae.get().namedParameters());
      }
      if (imageAdapter.isPresent()) {
        imageAdapter.get().save(folder, configTexts.get(ImageAdapter.ENCODER_FOLDER),
            configTexts.get(ClipImageProcessor.FILE));
      }
      if (imageWords.isPresent()) {
        imageWords.get().save(folder);
      }
      tokenizer.save(folder.resolve("tokenizer"));
      Files.createDirectories(folder.resolve("scheduler"));
      AtomicFiles.writeString(folder.resolve("scheduler").resolve("scheduler_config.json"),
          configTexts.get("scheduler"));
      index.write(folder, DIFFUSERS_VERSION);
      LOG.info("saved model to {}", folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the model to " + folder + ": " + e.getMessage(), e);
    }
  }

  private void writeComponent(Path dir, String name, String weightsFile, Map<String, ai.djl.ndarray.NDArray> weights)
      throws IOException {
    Files.createDirectories(dir);
    AtomicFiles.writeString(dir.resolve("config.json"), configTexts.get(name));
    SafetensorsWriter.write(dir.resolve(weightsFile), weights);
  }

  /** Where the model was loaded from. */
  public Path source() {
    return source;
  }

  public ModelIndex index() {
    return index;
  }

  public PromptTokenizer tokenizer() {
    return tokenizer;
  }

  public ClipTextModel textEncoder() {
    return textEncoder;
  }

  /** Which words this model's tokenizer knows, for its text encoder's embedding table. */
  public Vocabulary vocabulary() {
    return new Vocabulary(tokenizer, textEncoder.tokenEmbeddings().getShape().get(0));
  }

  public UNet2DConditionModel unet() {
    return unet;
  }

  /** The VAE, or empty for a pixel-space model. */
  public Optional<AutoencoderKL> vae() {
    return vae;
  }

  /**
   * The image adapter (image encoder and IP-Adapter) the folder has in {@code image_encoder/} and
   * {@code ip_adapter/}, or empty.
   */
  public Optional<ImageAdapter> imageAdapter() {
    return imageAdapter;
  }

  /**
   * The image words ({@code image_words/}: the image encoder's embedding of a subject mapped to word rows) the
   * folder has beside its image adapter, or empty.
   */
  public Optional<ImageWords> imageWords() {
    return imageWords;
  }

  /** The scheduler's settings ({@code scheduler/scheduler_config.json}), for any sampler plugin. */
  public PluginConfig schedulerConfig() {
    return schedulerConfig;
  }

  /**
   * The side of the square pictures the model was trained on: its UNet's {@code sample_size} (in latent cells)
   * times the VAE's downscale factor; 64 when the UNet config gives no sample_size. Text to image draws at this
   * size unless asked for another.
   */
  public int nativeSize() {
    int cells = JsonConfig.parse("unet config", configTexts.get("unet")).getInt("sample_size", 0);
    if (cells <= 0) {
      return 64;
    }
    return cells * vae.map(v -> 1 << (v.config().blockOutChannels().length - 1)).orElse(1);
  }

  /** The sampler the checkpoint's own scheduler corresponds to, or "ddim" when CrossNet has none for it. */
  public String defaultSampler() {
    return SchedulerClasses.samplerFor(schedulerConfig.getString("_class_name", "")).orElse("ddim");
  }
}
