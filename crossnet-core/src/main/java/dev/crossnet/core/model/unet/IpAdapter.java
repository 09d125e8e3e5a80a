package dev.crossnet.core.model.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.core.model.ModelFolder;
import dev.crossnet.core.model.WeightsOpener;
import dev.crossnet.core.nn.Attention;
import dev.crossnet.core.nn.DecoupledKeyValues;
import dev.crossnet.core.nn.KeyValues;
import dev.crossnet.core.nn.Module;
import dev.crossnet.core.nn.ParameterSource;
import dev.crossnet.core.nn.RandomParameters;
import dev.crossnet.core.weights.SafetensorsWriter;
import dev.crossnet.core.weights.TensorStore;
import dev.crossnet.core.weights.WeightsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IP-Adapter for a {@link UNet2DConditionModel}, read from the published flat safetensors layout: an image
 * projection ({@code image_proj.*}: the plain adapter's {@link ImageProjection}, or IP-Adapter Plus's resampler,
 * {@link PlusImageProjection}, told apart by its {@code image_proj.latents}) and, for every cross-attention
 * ({@code attn2}) layer, key and value projections of the image tokens ({@code ip_adapter.<id>.to_k_ip.weight},
 * {@code to_v_ip.weight}).
 *
 * <p>Ids number the layers as diffusers does when it loads the adapter: it walks the UNet's attention layers
 * in the order their blocks were registered (down blocks, then up blocks, then the mid block) and gives the
 * n-th cross-attention the id 2n + 1 (self- and cross-attention alternate, and the original checkpoint
 * numbered them all). {@link #keyIds()} lists the mapping.
 *
 * <p>The UNet is not changed: pass an {@link ImagePrompt} to
 * {@link UNet2DConditionModel#forward(NDArray, NDArray, NDArray, dev.crossnet.core.nn.AttentionHook, ImagePrompt)}.
 * Parameters keep the file's names ({@link #namedParameters()}).
 */
public final class IpAdapter extends Module {

  private static final String PROJ_WEIGHT = "image_proj.proj.weight";
  private static final String PLUS_LATENTS = "image_proj.latents";
  private static final Pattern PLUS_BLOCK = Pattern.compile("image_proj\\.layers\\.(\\d+)\\.0\\.to_q\\.weight");
  /** The head width of the published IP-Adapter Plus resamplers (SD 1.5: 12 heads of 64; SDXL: 20 of 64). */
  public static final int PLUS_HEAD_DIM = 64;
  private static final Pattern LAYER_KEY = Pattern.compile("ip_adapter\\.(\\d+)\\..*");

  private final ImagePromptProjection projection;
  private final Map<String, IpAttentionProjection> byLayer = new LinkedHashMap<>();
  private final Map<Integer, String> keyIds = new LinkedHashMap<>();

  private IpAdapter(ParameterSource source, List<Attention> crossLayers, ImagePromptProjection projection,
      int tokenDim) {
    super("");
    this.projection = projection;
    child((Module) projection);
    for (int i = 0; i < crossLayers.size(); i++) {
      Attention layer = crossLayers.get(i);
      int id = 2 * i + 1;
      long inner = (long) layer.heads() * layer.headDim();
      byLayer.put(layer.name(), child(new IpAttentionProjection(source, "ip_adapter." + id, tokenDim, inner)));
      keyIds.put(id, layer.name());
    }
  }

  /**
   * Reads an adapter for this UNet from a safetensors file. Fails with a {@link WeightsException} naming the
   * file and the tensor when one is missing, mis-shaped or unexpected, and when the file holds projections for
   * another number of cross-attention layers than the UNet has. Weights live in the manager.
   */
  public static IpAdapter load(Path file, UNet2DConditionModel unet, NDManager manager) {
    return load(file, unet, PLUS_HEAD_DIM, manager);
  }

  /** As {@link #load(Path, UNet2DConditionModel, NDManager)}, for a Plus resampler of another head width. */
  public static IpAdapter load(Path file, UNet2DConditionModel unet, int plusHeadDim, NDManager manager) {
    try (TensorStore store = WeightsOpener.IN_MEMORY.open(file, manager)) {
      return create(store, unet, plusHeadDim, manager);
    }
  }

  /** As {@link #load}, from an open store (closed by the caller). */
  public static IpAdapter create(TensorStore store, UNet2DConditionModel unet, NDManager manager) {
    return create(store, unet, PLUS_HEAD_DIM, manager);
  }

  private static IpAdapter create(TensorStore store, UNet2DConditionModel unet, int plusHeadDim,
      NDManager manager) {
    int tokenDim = crossWidth(unet.config(), store.source());
    int layers = crossAttentionLayers(unet).size();
    if (store.names().contains(PLUS_LATENTS)) {
      checkLayerIds(store, layers);
      PlusShape plus = PlusShape.of(store, tokenDim, plusHeadDim);
      return ModelFolder.bind(store, manager, source -> new IpAdapter(source, crossAttentionLayers(unet),
          new PlusImageProjection(source, "image_proj", plus.embedDim, plus.width, plus.queries, tokenDim,
              plus.depth, plus.heads, plusHeadDim), tokenDim));
    }
    if (!store.names().contains(PROJ_WEIGHT)) {
      throw new WeightsException(store.source() + ": missing tensor '" + PROJ_WEIGHT + "'; a plain IP-Adapter file"
          + " holds image_proj.proj.weight/bias, image_proj.norm.weight/bias and ip_adapter.<id>.to_k_ip/to_v_ip"
          + " weights, an IP-Adapter Plus file image_proj.latents and the resampler's layers (FaceID adapters have"
          + " other layouts)");
    }
    Shape proj = store.info(PROJ_WEIGHT).shape();
    if (proj.dimension() != 2 || proj.get(0) % tokenDim != 0 || proj.get(0) == 0 || proj.get(1) == 0) {
      throw new WeightsException(store.source() + ": tensor '" + PROJ_WEIGHT + "' has shape " + proj
          + " but needs [tokens x " + tokenDim + ", image embedding width] for this UNet's cross-attention width "
          + tokenDim);
    }
    checkLayerIds(store, layers);
    int tokens = Math.toIntExact(proj.get(0) / tokenDim);
    int embedDim = Math.toIntExact(proj.get(1));
    return ModelFolder.bind(store, manager, source -> build(source, unet, embedDim, tokens));
  }

  /**
   * A fresh adapter for the UNet, to train: the projection random (seeded), each layer's image key projection a
   * copy of the layer's own text key projection (as IP-Adapter initialises it) and its image value projection zero,
   * so that a fresh adapter adds nothing to any layer and the image part grows only as far as training finds it
   * useful (IP-Adapter copies the value projection too, which makes an untrained adapter disturb every layer).
   * Weights live in the manager.
   *
   * @param embedDim width of the image embeddings it will take
   * @param tokens image-prompt tokens per image
   */
  public static IpAdapter initialise(UNet2DConditionModel unet, int embedDim, int tokens, long seed,
      NDManager manager) {
    if (embedDim < 1 || tokens < 1) {
      throw new IllegalArgumentException("an adapter needs an image embedding width and a token count of at least"
          + " 1, got " + embedDim + " and " + tokens);
    }
    crossWidth(unet.config(), Path.of("new adapter"));
    return fresh(unet, source -> build(source, unet, embedDim, tokens), seed, manager);
  }

  /**
   * A fresh IP-Adapter Plus for the UNet, to train: a resampler ({@link PlusImageProjection}) of {@code depth}
   * perceiver blocks, with heads {@value #PLUS_HEAD_DIM} wide as in the published ones, reading the image encoder's
   * patch features, its weights random (seeded), the layers' image key and value projections as
   * {@link #initialise} makes them. {@link #save} writes it in the published Plus layout, which {@link #load}
   * reads back.
   *
   * @param featureDim width of the image encoder's patch features (its hidden size)
   * @param width the resampler's width, a multiple of {@value #PLUS_HEAD_DIM}
   * @param queries image-prompt tokens per image
   */
  public static IpAdapter initialisePlus(UNet2DConditionModel unet, int featureDim, int width, int queries,
      int depth, long seed, NDManager manager) {
    if (featureDim < 1 || queries < 1 || depth < 1 || width < PLUS_HEAD_DIM || width % PLUS_HEAD_DIM != 0) {
      throw new IllegalArgumentException("a Plus resampler needs a feature width, queries and depth of at least 1"
          + " and a width that is a whole number of " + PLUS_HEAD_DIM + "-wide heads, got features " + featureDim
          + ", width " + width + ", queries " + queries + ", depth " + depth);
    }
    int tokenDim = crossWidth(unet.config(), Path.of("new adapter"));
    return fresh(unet, source -> new IpAdapter(source, crossAttentionLayers(unet), new PlusImageProjection(source,
        "image_proj", featureDim, width, queries, tokenDim, depth, width / PLUS_HEAD_DIM, PLUS_HEAD_DIM), tokenDim),
        seed, manager);
  }

  /** An adapter built from seeded random weights, its image values zero and its image keys the text keys. */
  private static IpAdapter fresh(UNet2DConditionModel unet, Function<ParameterSource, IpAdapter> construct,
      long seed, NDManager manager) {
    IpAdapter adapter;
    try (NDManager scratch = manager.newSubManager()) {
      TensorStore random = RandomParameters.store(construct::apply, seed, scratch);
      adapter = ModelFolder.bind(random, manager, construct);
    }
    Map<String, NDArray> own = unet.namedParameters();
    Map<String, NDArray> mine = adapter.namedParameters();
    adapter.keyIds.forEach((id, layer) -> {
      mine.get("ip_adapter." + id + ".to_k_ip.weight").set(own.get(layer + ".to_k.weight").toFloatArray());
      NDArray value = mine.get("ip_adapter." + id + ".to_v_ip.weight");
      value.set(new float[Math.toIntExact(value.getShape().size())]);
    });
    return adapter;
  }

  /** Writes the adapter in the published flat layout ({@code image_proj.*}, {@code ip_adapter.*}), atomically. */
  public void save(Path file) {
    SafetensorsWriter.write(file, namedParameters());
  }

  /** An adapter for the UNet taking every weight from the source (a checkpoint's binder, or random ones). */
  static IpAdapter build(ParameterSource source, UNet2DConditionModel unet, int embedDim, int tokens) {
    int tokenDim = unet.config().crossAttentionDim()[0];
    return new IpAdapter(source, crossAttentionLayers(unet),
        new ImageProjection(source, "image_proj", embedDim, tokens, tokenDim), tokenDim);
  }

  /** A Plus resampler's sizes, read from its tensors' shapes. */
  private record PlusShape(int embedDim, int width, int queries, int depth, int heads) {

    static PlusShape of(TensorStore store, int tokenDim, int headDim) {
      Shape latents = store.info(PLUS_LATENTS).shape();
      if (latents.dimension() != 3 || latents.get(0) != 1) {
        throw new WeightsException(store.source() + ": tensor '" + PLUS_LATENTS + "' has shape " + latents
            + " but needs [1, queries, width]");
      }
      int width = Math.toIntExact(latents.get(2));
      Shape projIn = shape(store, "image_proj.proj_in.weight");
      Shape projOut = shape(store, "image_proj.proj_out.weight");
      if (projOut.get(0) != tokenDim) {
        throw new WeightsException(store.source() + ": tensor 'image_proj.proj_out.weight' has shape " + projOut
            + " but this UNet's cross-attention width is " + tokenDim + ": the adapter was made for another base"
            + " model");
      }
      TreeSet<Integer> blocks = new TreeSet<>();
      for (String name : store.names()) {
        Matcher m = PLUS_BLOCK.matcher(name);
        if (m.matches()) {
          blocks.add(Integer.parseInt(m.group(1)));
        }
      }
      if (blocks.isEmpty()) {
        throw new WeightsException(store.source() + ": holds image_proj.latents but no resampler block "
            + "(image_proj.layers.0.0.to_q.weight)");
      }
      Shape toQ = shape(store, "image_proj.layers.0.0.to_q.weight");
      if (toQ.get(0) % headDim != 0) {
        throw new WeightsException(store.source() + ": tensor 'image_proj.layers.0.0.to_q.weight' has shape " + toQ
            + ", not a whole number of heads of " + headDim);
      }
      return new PlusShape(Math.toIntExact(projIn.get(1)), width, Math.toIntExact(latents.get(1)), blocks.size(),
          Math.toIntExact(toQ.get(0) / headDim));
    }

    private static Shape shape(TensorStore store, String name) {
      if (!store.names().contains(name)) {
        throw new WeightsException(store.source() + ": missing tensor '" + name + "' of the IP-Adapter Plus "
            + "resampler");
      }
      return store.info(name).shape();
    }
  }

  /** The UNet's cross-attention layers in diffusers' processor order: down blocks, up blocks, mid block. */
  static List<Attention> crossAttentionLayers(UNet2DConditionModel unet) {
    List<Attention> out = new ArrayList<>();
    for (Module m : unet.modules()) {
      if (m instanceof Attention a && a.name().endsWith(".attn2")) {
        out.add(a);
      }
    }
    // stable: keeps construction order inside each part
    out.sort(Comparator.comparingInt(a -> part(a.name())));
    return out;
  }

  private static int part(String layer) {
    if (layer.startsWith("down_blocks.")) {
      return 0;
    }
    return layer.startsWith("up_blocks.") ? 1 : 2;
  }

  private static int crossWidth(UNetConfig c, Path file) {
    int[] dims = c.crossAttentionDim();
    if (Arrays.stream(dims).distinct().count() != 1) {
      throw new IllegalArgumentException("IP-Adapter " + file + " needs one cross-attention width for the whole"
          + " UNet, but its config has cross_attention_dim " + Arrays.toString(dims));
    }
    return dims[0];
  }

  private static void checkLayerIds(TensorStore store, int layers) {
    TreeSet<Integer> found = new TreeSet<>();
    for (String name : store.names()) {
      Matcher m = LAYER_KEY.matcher(name);
      if (m.matches()) {
        found.add(Integer.parseInt(m.group(1)));
      }
    }
    TreeSet<Integer> expected = new TreeSet<>();
    for (int i = 0; i < layers; i++) {
      expected.add(2 * i + 1);
    }
    if (found.size() != expected.size()) {
      throw new WeightsException(store.source() + " holds IP-Adapter projections for " + found.size()
          + " attention layers (ids " + found + "), but the UNet has " + layers + " cross-attention layers (ids "
          + expected + "): the adapter was made for another base model");
    }
  }

  public ImagePromptProjection projection() {
    return projection;
  }

  /** Image-prompt tokens per image. */
  public int tokens() {
    return projection.tokens();
  }

  /** Width of the image embeddings the projection takes. */
  public int embedDim() {
    return projection.embedDim();
  }

  /** Width of an image-prompt token (the UNet's cross-attention width). */
  public int tokenDim() {
    return projection.tokenDim();
  }

  /** The layer each key id of the file serves, ids ascending. */
  public Map<Integer, String> keyIds() {
    return Collections.unmodifiableMap(keyIds);
  }

  /** True for IP-Adapter Plus, whose projection reads the encoder's patch features, not its image embedding. */
  public boolean readsPatchFeatures() {
    return projection.readsPatchFeatures();
  }

  /**
   * The image-prompt tokens [B, tokens, tokenDim] of image embeddings [B, embedDim] (or, for IP-Adapter Plus, of
   * patch features [B, patches, embedDim]), in their manager.
   */
  public NDArray project(NDArray imageEmbeds) {
    return projection.forward(imageEmbeds);
  }

  /** Whether the adapter was loaded for a UNet with exactly these cross-attention layers. */
  boolean fits(UNet2DConditionModel unet) {
    List<String> names = crossAttentionLayers(unet).stream().map(Module::name).toList();
    return names.equals(List.copyOf(keyIds.values())) && unet.config().crossAttentionDim()[0] == tokenDim();
  }

  /**
   * The image keys and values of a cross-attention layer for image-prompt tokens [B, tokens, tokenDim], in the
   * tokens' manager.
   *
   * @throws IllegalArgumentException when the adapter has no projections for the layer
   */
  public KeyValues imageKeysValues(String layer, NDArray tokens) {
    IpAttentionProjection p = byLayer.get(layer);
    if (p == null) {
      throw new IllegalArgumentException("the IP-Adapter has no image projections for layer '" + layer
          + "'; it serves " + byLayer.keySet());
    }
    return p.keyValues(tokens);
  }

  /** The layer's decoupled keys and values of the tokens, or null when the adapter has nothing for it. */
  DecoupledKeyValues keyValues(String layer, NDArray tokens, float scale) {
    IpAttentionProjection p = byLayer.get(layer);
    return p == null ? null : new DecoupledKeyValues(p.keyValues(tokens), scale);
  }
}
