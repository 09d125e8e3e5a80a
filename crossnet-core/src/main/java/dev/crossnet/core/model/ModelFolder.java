package dev.crossnet.core.model;

import ai.djl.ndarray.NDManager;
import dev.crossnet.core.nn.ParameterSource;
import dev.crossnet.core.weights.ComponentWeights;
import dev.crossnet.core.weights.TensorStore;
import dev.crossnet.core.weights.WeightBinder;
import dev.crossnet.core.weights.WeightsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * A model folder in diffusers/transformers layout: {@code config.json} and one weights file. A missing
 * folder (e.g. a pixel-space model without VAE) is the caller's to handle: see {@link #exists}.
 */
public final class ModelFolder {

  /** Weight file names tried in order. */
  public static final List<String> WEIGHT_FILES =
      List.of("diffusion_pytorch_model.safetensors", "model.safetensors");

  private final Path dir;

  public ModelFolder(Path dir) {
    this.dir = dir;
  }

  /** Whether the folder holds a config (a composed model may lack, say, its VAE). */
  public static boolean exists(Path dir) {
    return Files.isRegularFile(dir.resolve("config.json"));
  }

  public Path dir() {
    return dir;
  }

  public JsonConfig config() {
    Path file = dir.resolve("config.json");
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no config.json in model folder " + dir
          + "; point to the folder that holds config.json and the weights");
    }
    return JsonConfig.read(file);
  }

  /** The weights file of the folder. */
  public Path weightsFile() {
    for (String name : WEIGHT_FILES) {
      Path p = dir.resolve(name);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    // names the folder's files and, for PyTorch pickle files (.bin, .ckpt), the conversion to safetensors
    Path found = ComponentWeights.locate(dir, null);
    throw new WeightsException(dir + " holds sharded weights (" + found.getFileName() + "), but a model folder is"
        + " loaded from one weights file, " + WEIGHT_FILES + "; merge the shards into one file (in Python:"
        + " save_pretrained(dir, safe_serialization=True, max_shard_size='100GB'))");
  }

  /** Opens the weights with the given opener (e.g. a memory-mapped safetensors store). */
  public TensorStore openWeights(WeightsOpener opener, NDManager manager) {
    return opener.open(weightsFile(), manager);
  }

  /**
   * Reads the config, opens the weights and builds the model from them; the store is closed afterwards, so
   * {@code create} must copy what it keeps into the manager (as {@link WeightBinder} does).
   *
   * <pre>{@code
   * UNet2DConditionModel unet = new ModelFolder(dir).load(UNetConfig::from, UNet2DConditionModel::create,
   *     WeightsOpener.IN_MEMORY, manager);
   * }</pre>
   */
  public <C, M> M load(Function<JsonConfig, C> readConfig, Factory<C, M> create, WeightsOpener opener,
      NDManager manager) {
    C config = readConfig.apply(config());
    try (TensorStore store = openWeights(opener, manager)) {
      return create.create(config, store, manager);
    }
  }

  /**
   * Builds a model whose constructor takes every weight from a {@link ParameterSource}, then fails with every
   * missing, mis-shaped and unused tensor named (see {@link WeightBinder#finish()}).
   *
   * @param ignored tensor names a checkpoint may hold that the model does not use (e.g. stored buffers)
   */
  public static <M> M bind(TensorStore store, NDManager manager, Function<ParameterSource, M> build,
      String... ignored) {
    WeightBinder binder = new WeightBinder(store, manager);
    M model = build.apply(ParameterSource.of(binder));
    for (String name : ignored) {
      binder.ignore(name);
    }
    binder.finish();
    return model;
  }

  /** A model's {@code create(config, store, manager)}. */
  @FunctionalInterface
  public interface Factory<C, M> {
    M create(C config, TensorStore store, NDManager manager);
  }
}
