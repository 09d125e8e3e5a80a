package dev.crossnet.core.text;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A CLIP-style tokenizer read from a Hugging Face {@code tokenizer.json} and run by the Rust
 * {@code tokenizers} library through DJL (its native library ships inside DJL's jar, so this works
 * offline). Markers, truncation and padding are applied here, as {@link PromptTokenizer} defines them;
 * placeholders are added to the JSON as non-special added tokens and the native tokenizer is rebuilt.
 * Close it to free the native tokenizer.
 */
public final class HuggingFaceClipTokenizer extends AbstractClipTokenizer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(HuggingFaceClipTokenizer.class);
  private static final Map<String, String> OPTIONS = Map.of("addSpecialTokens", "false", "truncation", "false",
      "padding", "false");

  private final Path origin;
  private final JsonObject json;
  private final Map<String, Integer> ids;
  private final Map<String, Integer> placeholders;
  private HuggingFaceTokenizer tokenizer;
  private int nextId;

  private HuggingFaceClipTokenizer(Path origin, JsonObject json, Tokens tokens, int maxLength, String pad) {
    super(tokens.ids(), maxLength, pad, origin);
    this.origin = origin;
    this.json = json;
    this.ids = tokens.ids();
    this.placeholders = tokens.placeholders();
    this.nextId = ids.values().stream().mapToInt(i -> i + 1).max().orElse(0);
    rebuild();
  }

  /** Every token's id (vocabulary, then added tokens) and, among them, the non-special added tokens. */
  private record Tokens(Map<String, Integer> ids, Map<String, Integer> placeholders) {

    static Tokens of(Path origin, JsonObject json) {
      Map<String, Integer> ids = new LinkedHashMap<>();
      Map<String, Integer> placeholders = new LinkedHashMap<>();
      JsonObject model = json.getAsJsonObject("model");
      if (model == null || !model.has("vocab") || !model.get("vocab").isJsonObject()) {
        throw new TokenizerException(origin
            + ": tokenizer.json has no model.vocab object; is it a BPE tokenizer?");
      }
      for (Map.Entry<String, JsonElement> e : model.getAsJsonObject("vocab").entrySet()) {
        ids.put(e.getKey(), e.getValue().getAsInt());
      }
      if (json.has("added_tokens")) {
        for (JsonElement e : json.getAsJsonArray("added_tokens")) {
          JsonObject t = e.getAsJsonObject();
          String content = t.get("content").getAsString();
          int id = t.get("id").getAsInt();
          if (!ids.containsKey(content) && !t.get("special").getAsBoolean()) {
            placeholders.put(content, id);
          }
          ids.putIfAbsent(content, id);
        }
      }
      return new Tokens(ids, placeholders);
    }
  }

  /** Reads {@code tokenizer.json} (and {@code tokenizer_config.json} when present) from a folder. */
  public static HuggingFaceClipTokenizer load(Path folder) {
    Path file = folder.resolve(TokenizerFiles.TOKENIZER_JSON);
    if (!Files.isRegularFile(file)) {
      throw new TokenizerException(folder + " has no " + TokenizerFiles.TOKENIZER_JSON);
    }
    Settings settings = Settings.read(folder, null);
    JsonObject json = TokenizerFiles.readObject(file);
    return new HuggingFaceClipTokenizer(file, json, Tokens.of(file, json), settings.maxLength(),
        settings.padToken());
  }

  private void rebuild() {
    byte[] bytes = TokenizerFiles.GSON.toJson(json).getBytes(StandardCharsets.UTF_8);
    HuggingFaceTokenizer fresh;
    try {
      fresh = HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(bytes), OPTIONS);
    } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
      throw new TokenizerException(origin + ": the Hugging Face tokenizers library could not load it ("
          + e + "); a folder with vocab.json + merges.txt can use ClipTokenizer instead", e);
    }
    if (tokenizer != null) {
      tokenizer.close();
    }
    tokenizer = fresh;
  }

  @Override
  public synchronized int[] tokenize(String text) {
    long[] raw = tokenizer.encode(text, false, false).getIds();
    int[] out = new int[raw.length];
    for (int i = 0; i < raw.length; i++) {
      out[i] = Math.toIntExact(raw[i]);
    }
    return out;
  }

  @Override
  public synchronized String decode(int[] tokenIds) {
    Map<Integer, String> placeholderById = new LinkedHashMap<>();
    placeholders.forEach((token, id) -> placeholderById.put(id, token));
    return decode(tokenIds, placeholderById::get, this::decodeRun);
  }

  private String decodeRun(List<Integer> run) {
    if (run.isEmpty()) {
      return "";
    }
    long[] idsArray = run.stream().mapToLong(Integer::longValue).toArray();
    return tokenizer.decode(idsArray, false).replace(BytePairEncoder.END_OF_WORD, " ");
  }

  @Override
  public synchronized int vocabularySize() {
    return nextId;
  }

  @Override
  public synchronized OptionalInt tokenId(String token) {
    Integer id = ids.get(token);
    return id == null ? OptionalInt.empty() : OptionalInt.of(id);
  }

  @Override
  public synchronized int addPlaceholder(String token) {
    checkPlaceholderSpelling(token, "");
    if (ids.containsKey(token)) {
      throw new TokenizerException("'" + token + "' is already token " + ids.get(token)
          + "; choose a placeholder that is not in the vocabulary");
    }
    int id = nextId;
    JsonObject added = ClipTokenizerJson.addedToken(id, token, false);
    if (!json.has("added_tokens")) {
      json.add("added_tokens", new JsonArray());
    }
    json.getAsJsonArray("added_tokens").add(added);
    rebuild();
    ids.put(token, id);
    placeholders.put(token, id);
    nextId = id + 1;
    LOG.debug("added placeholder token '{}' as id {}", token, id);
    return id;
  }

  /** Writes {@code tokenizer.json} (placeholders included) and {@code tokenizer_config.json}. */
  @Override
  public synchronized void save(Path folder) {
    createFolder(folder);
    TokenizerFiles.write(folder.resolve(TokenizerFiles.TOKENIZER_JSON), TokenizerFiles.GSON.toJson(json));
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("bos_token", ClipTokenizer.START);
    config.put("eos_token", ClipTokenizer.END);
    config.put("unk_token", ClipTokenizer.END);
    ids.entrySet().stream().filter(e -> e.getValue() == padId).findFirst()
        .ifPresent(e -> config.put("pad_token", e.getKey()));
    config.put("model_max_length", maxLength);
    TokenizerFiles.write(folder.resolve(TokenizerFiles.CONFIG), TokenizerFiles.GSON.toJson(config));
  }

  @Override
  public synchronized void close() {
    tokenizer.close();
  }
}
