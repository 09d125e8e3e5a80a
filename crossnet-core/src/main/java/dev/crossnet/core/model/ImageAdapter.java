package dev.crossnet.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Mask;
import dev.crossnet.core.image.SubjectCrop;
import dev.crossnet.core.model.clip.ClipImageProcessor;
import dev.crossnet.core.model.clip.ClipVisionModel;
import dev.crossnet.core.model.unet.IpAdapter;
import dev.crossnet.core.model.unet.UNet2DConditionModel;
import dev.crossnet.core.nn.GradMode;
import dev.crossnet.core.weights.SafetensorsWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A model's image adapter: the image encoder that reads a subject's pictures (transformers'
 * {@code CLIPVisionModelWithProjection} with its {@code CLIPImageProcessor}) and the IP-Adapter that turns the
 * encoder's embedding into image-prompt tokens for the UNet's decoupled cross-attention. In a model folder:
 *
 * <pre>
 * image_encoder/{config.json, model.safetensors, preprocessor_config.json (optional: OpenAI's by default)}
 * ip_adapter/&lt;one file&gt;.safetensors     (e.g. ip-adapter_sd15.safetensors, the published plain layout)
 * </pre>
 *
 * @param encoder the image encoder
 * @param processor its pre-processing
 * @param adapter the projection and per-layer image keys and values
 */
public record ImageAdapter(ClipVisionModel encoder, ClipImageProcessor processor, IpAdapter adapter) {

  /** The encoder's folder in a model folder. */
  public static final String ENCODER_FOLDER = "image_encoder";
  /** The adapter's folder in a model folder. */
  public static final String ADAPTER_FOLDER = "ip_adapter";
  /** The file name {@link #save} gives the adapter. */
  public static final String ADAPTER_FILE = "ip-adapter.safetensors";

  public ImageAdapter {
    int encoderWidth = adapter.readsPatchFeatures() ? encoder.config().hiddenSize() : encoder.config().projectionDim();
    if (encoderWidth != adapter.embedDim()) {
      throw new IllegalArgumentException("the image encoder " + (adapter.readsPatchFeatures()
          ? "gives patch features of " : "embeds in ") + encoderWidth + " values but the IP-Adapter"
          + (adapter.readsPatchFeatures() ? " Plus resampler reads features of " : " projects embeddings of ")
          + adapter.embedDim() + "; use the image encoder the adapter was trained with");
    }
  }

  /**
   * The model folder's adapter, or empty when the folder has neither {@code image_encoder/} nor
   * {@code ip_adapter/}. Fails naming what is missing when it has only one of them, and naming the file and tensor
   * when the adapter does not fit the UNet.
   */
  public static Optional<ImageAdapter> load(Path modelFolder, UNet2DConditionModel unet, NDManager manager) {
    Path encoderDir = modelFolder.resolve(ENCODER_FOLDER);
    Path adapterDir = modelFolder.resolve(ADAPTER_FOLDER);
    boolean hasEncoder = Files.isDirectory(encoderDir);
    boolean hasAdapter = Files.isDirectory(adapterDir);
    if (!hasEncoder && !hasAdapter) {
      return Optional.empty();
    }
    if (!hasEncoder || !hasAdapter) {
      throw new IllegalArgumentException(modelFolder + " has " + (hasEncoder ? ENCODER_FOLDER : ADAPTER_FOLDER)
          + "/ but no " + (hasEncoder ? ADAPTER_FOLDER : ENCODER_FOLDER) + "/; an image adapter needs both (the "
          + "image encoder in " + ENCODER_FOLDER + "/, one IP-Adapter .safetensors file in " + ADAPTER_FOLDER
          + "/), or remove the one that is there");
    }
    Path file = adapterFile(adapterDir);
    ClipVisionModel encoder = ClipVisionModel.load(encoderDir, manager);
    IpAdapter adapter = IpAdapter.load(file, unet, manager);
    return Optional.of(new ImageAdapter(encoder, ClipImageProcessor.load(encoderDir), adapter));
  }

  private static Path adapterFile(Path dir) {
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".safetensors")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    if (files.size() != 1) {
      throw new IllegalArgumentException(dir + " holds " + files.size() + " .safetensors files " + files
          + "; it needs exactly one IP-Adapter file (for Stable Diffusion 1.5, ip-adapter_sd15.safetensors)");
    }
    return files.get(0);
  }

  /**
   * Writes the adapter into a model folder ({@code image_encoder/} and {@code ip_adapter/}), each file atomically.
   *
   * @param encoderConfig the encoder's {@code config.json} text
   * @param processorConfig its {@code preprocessor_config.json} text, or null to write none (OpenAI's processing)
   */
  public void save(Path modelFolder, String encoderConfig, String processorConfig) {
    try {
      Path encoderDir = Files.createDirectories(modelFolder.resolve(ENCODER_FOLDER));
      AtomicFiles.writeString(encoderDir.resolve("config.json"), encoderConfig);
      if (processorConfig != null) {
        AtomicFiles.writeString(encoderDir.resolve(ClipImageProcessor.FILE), processorConfig);
      }
      SafetensorsWriter.write(encoderDir.resolve("model.safetensors"), encoder.namedParameters());
      Path adapterDir = Files.createDirectories(modelFolder.resolve(ADAPTER_FOLDER));
      adapter.save(adapterDir.resolve(ADAPTER_FILE));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the image adapter to " + modelFolder + ": " + e.getMessage(), e);
    }
  }

  /**
   * The image embedding of a subject [1, embedding width]: each picture cropped to its mask
   * ({@link SubjectCrop}; the whole picture where it has none), encoded, and the embeddings averaged. In the
   * manager.
   *
   * @param masks one per picture
   */
  public NDArray embed(List<Picture> pictures, List<Optional<Mask>> masks, NDManager manager) {
    List<Picture> crops = crops(pictures, masks);
    try (NDManager scope = manager.newSubManager(); GradMode off = GradMode.disabled()) {
      NDArray embeds = encoder.forward(processor.preprocess(crops, scope)).imageEmbeds();
      NDArray mean = embeds.mean(new int[] {0}, true);
      mean.attach(manager);
      return mean;
    }
  }

  /**
   * A subject's image-prompt tokens [1, tokens, token width]: for a plain adapter the projection of the pictures'
   * mean embedding ({@link #embed}); for IP-Adapter Plus each cropped picture's penultimate patch features through
   * the resampler, the tokens averaged over the pictures. In the manager.
   */
  public NDArray promptTokens(List<Picture> pictures, List<Optional<Mask>> masks, NDManager manager) {
    if (!adapter.readsPatchFeatures()) {
      try (NDManager scope = manager.newSubManager(); GradMode off = GradMode.disabled()) {
        NDArray tokens = adapter.project(embed(pictures, masks, scope));
        tokens.attach(manager);
        return tokens;
      }
    }
    List<Picture> crops = crops(pictures, masks);
    try (NDManager scope = manager.newSubManager(); GradMode off = GradMode.disabled()) {
      NDArray features = encoder.forward(processor.preprocess(crops, scope)).penultimateHiddenState();
      NDArray mean = adapter.project(features).mean(new int[] {0}, true);
      mean.attach(manager);
      return mean;
    }
  }

  /**
   * The image-prompt tokens of no picture [1, tokens, token width], the unconditional half of guidance: the
   * projection of a zero embedding for a plain adapter; for IP-Adapter Plus the resampler's tokens of a zero
   * (normalised) picture's features, as IP-Adapter Plus makes them. In the manager.
   */
  public NDArray emptyPromptTokens(NDManager manager) {
    try (NDManager scope = manager.newSubManager(); GradMode off = GradMode.disabled()) {
      NDArray tokens;
      if (adapter.readsPatchFeatures()) {
        int size = encoder.config().imageSize();
        NDArray zero = scope.zeros(new Shape(1, encoder.config().channels(), size, size));
        tokens = adapter.project(encoder.forward(zero).penultimateHiddenState());
      } else {
        tokens = adapter.project(scope.zeros(new Shape(1, adapter.embedDim())));
      }
      tokens.attach(manager);
      return tokens;
    }
  }

  /** Each picture cropped to its mask ({@link SubjectCrop}; the whole picture where it has none). */
  private static List<Picture> crops(List<Picture> pictures, List<Optional<Mask>> masks) {
    if (pictures.isEmpty() || pictures.size() != masks.size()) {
      throw new IllegalArgumentException("need one mask (or none) per picture and at least one picture, got "
          + pictures.size() + " pictures and " + masks.size() + " masks");
    }
    List<Picture> crops = new ArrayList<>();
    for (int i = 0; i < pictures.size(); i++) {
      crops.add(SubjectCrop.of(pictures.get(i), masks.get(i)));
    }
    return crops;
  }

  /** Every weight by name, encoder's then adapter's. */
  public Map<String, NDArray> namedParameters() {
    Map<String, NDArray> all = new java.util.LinkedHashMap<>(encoder.namedParameters());
    all.putAll(adapter.namedParameters());
    return all;
  }
}
