package dev.crossnet.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import dev.crossnet.core.nn.Activations;
import dev.crossnet.core.nn.Linear;
import dev.crossnet.core.nn.Module;
import dev.crossnet.core.nn.ParameterSource;
import dev.crossnet.core.nn.RandomParameters;
import dev.crossnet.core.nn.Scope;
import dev.crossnet.core.weights.SafetensorsWriter;
import dev.crossnet.core.weights.TensorStore;
import dev.crossnet.core.weights.WeightsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A model's image words: a mapping from the image encoder's embedding of a subject's pictures to rows of the text
 * encoder's token-embedding table, so that the pictures stand in the prompt as words do (ELITE's global mapping,
 * one embedding to several word rows). A two-layer perceptron gives, for each of {@code tokens} slots, a row and a
 * gate; the slots whose gate reaches one half are kept, in order, so a subject takes as many word rows as its
 * pictures call for (e.g. "small red cat" or "large blue robot with a hat"). In a model folder, beside the
 * {@code image_encoder/} it reads:
 *
 * <pre>
 * image_words/{config.json, model.safetensors}
 *   config.json: {"embed_dim": 128, "hidden_size": 512, "tokens": 6, "word_dim": 256, "leading_words": "a"}
 *   tensors: mlp.0.weight [hidden, embed], mlp.0.bias, mlp.2.weight [tokens x (word_dim + 1), hidden], mlp.2.bias
 * </pre>
 */
public final class ImageWords extends Module {

  /** The folder in a model folder. */
  public static final String FOLDER = "image_words";
  /** The weights file in the folder. */
  public static final String FILE = "model.safetensors";
  /** A slot is kept where its gate reaches this. */
  public static final float KEEP = 0.5f;
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  private final Config config;
  private final Linear first;
  private final Linear second;

  /**
   * The mapping's sizes.
   *
   * @param embedDim width of the image embeddings it reads
   * @param hiddenSize width of the hidden layer
   * @param tokens word slots
   * @param wordDim width of a text-embedding row
   * @param leadingWords the words the rows followed in the captions they were fitted to (e.g. "a")
   */
  public record Config(int embedDim, int hiddenSize, int tokens, int wordDim, String leadingWords) {

    public Config {
      if (embedDim < 1 || hiddenSize < 1 || tokens < 1 || wordDim < 1) {
        throw new IllegalArgumentException("image words need positive sizes, got embed_dim " + embedDim
            + ", hidden_size " + hiddenSize + ", tokens " + tokens + ", word_dim " + wordDim);
      }
      leadingWords = leadingWords == null ? "" : leadingWords.trim();
    }

    static Config read(JsonConfig json) {
      return new Config(json.requireInt("embed_dim"), json.requireInt("hidden_size"), json.requireInt("tokens"),
          json.requireInt("word_dim"), json.getString("leading_words", ""));
    }

    /** The folder's {@code config.json} text. */
    public String json() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("embed_dim", embedDim);
      m.put("hidden_size", hiddenSize);
      m.put("tokens", tokens);
      m.put("word_dim", wordDim);
      m.put("leading_words", leadingWords);
      return GSON.toJson(m) + "\n";
    }
  }

  private ImageWords(ParameterSource source, Config config) {
    super("");
    this.config = config;
    first = child(new Linear(source, "mlp.0", config.embedDim(), config.hiddenSize(), true));
    second = child(new Linear(source, "mlp.2", config.hiddenSize(), (long) config.tokens() * (config.wordDim() + 1),
        true));
  }

  /**
   * The model folder's image words, or empty when it has no {@code image_words/}. Fails naming the folder when the
   * model has no image encoder to read with or the text encoder's rows are of another width, and naming the file
   * and tensor when a weight is missing or mis-shaped.
   *
   * @param encoderWidth the width of the model's image embeddings, empty when it has no image encoder
   * @param wordDim the width of the model's token-embedding rows
   */
  public static Optional<ImageWords> load(Path modelFolder, Optional<Integer> encoderWidth, int wordDim,
      NDManager manager) {
    Path dir = modelFolder.resolve(FOLDER);
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    if (encoderWidth.isEmpty()) {
      throw new IllegalArgumentException(modelFolder + " has " + FOLDER + "/ but no " + ImageAdapter.ENCODER_FOLDER
          + "/ and " + ImageAdapter.ADAPTER_FOLDER + "/; image words read the pictures through the model's image "
          + "encoder: add the image adapter they were fitted with, or remove " + FOLDER + "/");
    }
    Config config = Config.read(new ModelFolder(dir).config());
    if (config.embedDim() != encoderWidth.get()) {
      throw new WeightsException(dir.resolve("config.json") + ": embed_dim " + config.embedDim() + " but the "
          + "model's image encoder embeds in " + encoderWidth.get() + "; use image words fitted to this encoder");
    }
    if (config.wordDim() != wordDim) {
      throw new WeightsException(dir.resolve("config.json") + ": word_dim " + config.wordDim() + " but the "
          + "model's text encoder has rows of " + wordDim + "; use image words fitted to this model");
    }
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw new WeightsException(dir + " has no " + FILE + "; image words need their weights there");
    }
    try (TensorStore store = WeightsOpener.IN_MEMORY.open(file, manager)) {
      return Optional.of(ModelFolder.bind(store, manager, source -> new ImageWords(source, config)));
    }
  }

  /** Fresh image words of random (seeded) weights, to fit. Weights live in the manager. */
  public static ImageWords initialise(Config config, long seed, NDManager manager) {
    try (NDManager scratch = manager.newSubManager()) {
      TensorStore random = RandomParameters.store(source -> new ImageWords(source, config), seed, scratch);
      return ModelFolder.bind(random, manager, source -> new ImageWords(source, config));
    }
  }

  /** Writes {@code image_words/} into a model folder, each file atomically. */
  public void save(Path modelFolder) {
    try {
      Path dir = Files.createDirectories(modelFolder.resolve(FOLDER));
      AtomicFiles.writeString(dir.resolve("config.json"), config.json());
      SafetensorsWriter.write(dir.resolve(FILE), namedParameters());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the image words to " + modelFolder + ": " + e.getMessage(), e);
    }
  }

  public Config config() {
    return config;
  }

  /**
   * Every slot's row and gate for image embeddings [B, embed_dim]: [B, tokens, word_dim + 1], the gate last.
   * Differentiable (for fitting).
   */
  public NDArray forward(NDArray embeds) {
    if (embeds.getShape().dimension() != 2 || embeds.getShape().get(1) != config.embedDim()) {
      throw new IllegalArgumentException("image words read image embeddings [batch, " + config.embedDim()
          + "], got " + embeds.getShape() + "; pass the image encoder's projected embedding");
    }
    try (Scope s = Scope.of(embeds)) {
      NDArray hidden = Activations.gelu(first.forward(embeds));
      return s.keep(second.forward(hidden).reshape(embeds.getShape().get(0), config.tokens(),
          config.wordDim() + 1));
    }
  }

  /**
   * The word rows [kept slots, word_dim] of one subject's embedding [1, embed_dim]: the slots whose gate reaches
   * {@link #KEEP}, in order; the slot of the highest gate when none does. In the embedding's manager.
   */
  public NDArray rows(NDArray embed) {
    if (embed.getShape().dimension() != 2 || embed.getShape().get(0) != 1) {
      throw new IllegalArgumentException("image words map one subject's embedding [1, " + config.embedDim()
          + "], got " + embed.getShape());
    }
    try (Scope s = Scope.of(embed)) {
      NDArray out = forward(embed).get(0);
      float[] gates = out.get(new NDIndex(":, " + config.wordDim())).toFloatArray();
      List<Long> slots = new ArrayList<>();
      int best = 0;
      for (int k = 0; k < gates.length; k++) {
        if (gates[k] >= KEEP) {
          slots.add((long) k);
        }
        best = gates[k] > gates[best] ? k : best;
      }
      if (slots.isEmpty()) {
        slots.add((long) best);
      }
      NDArray rows = out.get(new NDIndex(":, :" + config.wordDim()));
      return s.keep(rows.get(s.manager().create(slots.stream().mapToLong(Long::longValue).toArray())));
    }
  }
}
