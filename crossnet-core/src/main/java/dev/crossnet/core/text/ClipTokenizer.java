package dev.crossnet.core.text;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CLIP's tokenizer in pure Java, read from a Hugging Face {@code CLIPTokenizer} folder ({@code vocab.json} +
 * {@code merges.txt}, optionally {@code added_tokens.json}, {@code tokenizer_config.json},
 * {@code special_tokens_map.json}). It reproduces OpenAI's reference tokenizer (without ftfy's mojibake
 * repair and HTML unescaping): NFC, whitespace collapse, lower case, CLIP's pre-tokenization regex,
 * byte-level symbols and BPE with {@code </w>} word ends.
 *
 * <p>Placeholder tokens are matched in the raw text before anything else, exactly as written, and are
 * never split. The tokenizer is safe to share between threads.
 */
public final class ClipTokenizer extends AbstractClipTokenizer {

  public static final String START = "<|startoftext|>";
  public static final String END = "<|endoftext|>";
  public static final int DEFAULT_MAX_LENGTH = 77;

  private static final Logger LOG = LoggerFactory.getLogger(ClipTokenizer.class);

  private final Map<String, Integer> vocabulary;
  private final String[] byId;
  private final BytePairEncoder bpe;
  private volatile Placeholders placeholders;

  private ClipTokenizer(Map<String, Integer> vocabulary, List<String> merges, int maxLength, String padToken,
      Map<String, Integer> added, String origin) {
    super(vocabulary, maxLength, padToken, origin);
    this.vocabulary = Collections.unmodifiableMap(new LinkedHashMap<>(vocabulary));
    this.bpe = new BytePairEncoder(merges);
    int size = vocabulary.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
    this.byId = new String[size];
    vocabulary.forEach((token, id) -> {
      if (id < 0) {
        throw new TokenizerException(origin + ": token '" + token + "' has negative id " + id);
      }
      byId[id] = token;
    });
    if (maxLength < 2) {
      throw new TokenizerException(origin + ": max length " + maxLength + " leaves no room for bos and eos");
    }
    this.placeholders = Placeholders.NONE;
    added.entrySet().stream().sorted(Map.Entry.comparingByValue())
        // some folders list the markers again as added tokens: those are already in the vocabulary
        .filter(e -> !e.getValue().equals(vocabulary.get(e.getKey())))
        .forEach(e -> restorePlaceholder(e.getKey(), e.getValue(), origin));
  }

  /** A tokenizer over an in-memory vocabulary and merge list, with CLIP's defaults (77 ids, pad = eos). */
  public static ClipTokenizer of(Map<String, Integer> vocabulary, List<String> merges) {
    return new ClipTokenizer(vocabulary, merges, DEFAULT_MAX_LENGTH, null, Map.of(), "in-memory vocabulary");
  }

  /** Reads a Hugging Face CLIP tokenizer folder. */
  public static ClipTokenizer load(Path folder) {
    Path vocab = folder.resolve(TokenizerFiles.VOCAB);
    Path merges = folder.resolve(TokenizerFiles.MERGES);
    if (!Files.isRegularFile(vocab) || !Files.isRegularFile(merges)) {
      throw new TokenizerException(folder + " needs " + TokenizerFiles.VOCAB + " and " + TokenizerFiles.MERGES
          + " for a CLIP tokenizer (missing: " + (Files.isRegularFile(vocab) ? "" : TokenizerFiles.VOCAB + " ")
          + (Files.isRegularFile(merges) ? "" : TokenizerFiles.MERGES) + ")");
    }
    String pad = null;
    Path specials = folder.resolve(TokenizerFiles.SPECIALS);
    if (Files.isRegularFile(specials)) {
      pad = TokenizerFiles.tokenSetting(TokenizerFiles.readObject(specials), "pad_token").orElse(null);
    }
    Settings settings = Settings.read(folder, pad);
    Path added = folder.resolve(TokenizerFiles.ADDED);
    Map<String, Integer> addedIds = Files.isRegularFile(added) ? TokenizerFiles.readIds(added) : Map.of();
    ClipTokenizer t = new ClipTokenizer(TokenizerFiles.readIds(vocab), TokenizerFiles.readMerges(merges),
        settings.maxLength(), settings.padToken(), addedIds, folder.toString());
    LOG.debug("loaded CLIP tokenizer from {}: {} ids, {} merges, {} placeholders", folder, t.vocabularySize(),
        t.bpe.merges().size(), addedIds.size());
    return t;
  }

  @Override
  public int[] tokenize(String text) {
    Placeholders p = placeholders;
    List<Integer> ids = new ArrayList<>();
    if (p.pattern == null) {
      tokenizePlain(text, ids);
    } else {
      Matcher m = p.pattern.matcher(text);
      int from = 0;
      while (m.find()) {
        tokenizePlain(text.substring(from, m.start()), ids);
        ids.add(p.ids.get(m.group()));
        from = m.end();
      }
      tokenizePlain(text.substring(from), ids);
    }
    return ids.stream().mapToInt(Integer::intValue).toArray();
  }

  private void tokenizePlain(String text, List<Integer> ids) {
    for (String piece : ClipTextSplitter.split(ClipTextSplitter.clean(text))) {
      if (piece.equals(START) || piece.equals(END)) {
        ids.add(vocabulary.get(piece));
        continue;
      }
      for (String symbol : bpe.encode(ByteLevel.encode(piece))) {
        // byte-level symbols cover every input, so only a hand-made vocabulary can miss one
        ids.add(vocabulary.getOrDefault(symbol, eosId));
      }
    }
  }

  @Override
  public String decode(int[] ids) {
    return decode(ids, placeholders.byId::get, this::decodeRun);
  }

  private String decodeRun(List<Integer> run) {
    StringBuilder symbols = new StringBuilder();
    for (int id : run) {
      if (id < 0 || id >= byId.length || byId[id] == null) {
        throw new TokenizerException("id " + id + " is outside the vocabulary (0.." + (vocabularySize() - 1) + ")");
      }
      symbols.append(byId[id]);
    }
    return ByteLevel.decode(symbols.toString()).replace(BytePairEncoder.END_OF_WORD, " ");
  }

  @Override
  public int vocabularySize() {
    return Math.max(byId.length, placeholders.nextId(byId.length));
  }

  @Override
  public OptionalInt tokenId(String token) {
    Integer id = vocabulary.get(token);
    if (id == null) {
      id = placeholders.ids.get(token);
    }
    return id == null ? OptionalInt.empty() : OptionalInt.of(id);
  }

  @Override
  public synchronized int addPlaceholder(String token) {
    int id = vocabularySize();
    restorePlaceholder(token, id, "placeholder");
    LOG.debug("added placeholder token '{}' as id {}", token, id);
    return id;
  }

  private synchronized void restorePlaceholder(String token, int id, String origin) {
    checkPlaceholderSpelling(token, origin + ": ");
    OptionalInt existing = tokenId(token);
    if (existing.isPresent()) {
      throw new TokenizerException(origin + ": '" + token + "' is already token " + existing.getAsInt()
          + "; choose a placeholder that is not in the vocabulary, e.g. \"<" + token + "-1>\"");
    }
    if (id < byId.length || placeholders.byId.containsKey(id)) {
      throw new TokenizerException(origin + ": placeholder '" + token + "' id " + id
          + " collides with an id in use; placeholder ids start at " + byId.length);
    }
    placeholders = placeholders.with(token, id);
  }

  /** Placeholder tokens in the order they were added. */
  public Map<String, Integer> placeholders() {
    return placeholders.ids;
  }

  /** The merges in rank order, as in {@code merges.txt}. */
  public List<String> merges() {
    return bpe.merges();
  }

  /** The base vocabulary (without placeholders). */
  public Map<String, Integer> vocabulary() {
    return vocabulary;
  }

  /**
   * Writes {@code vocab.json}, {@code merges.txt}, {@code added_tokens.json}, {@code special_tokens_map.json},
   * {@code tokenizer_config.json} and an equivalent {@code tokenizer.json}.
   */
  @Override
  public void save(Path folder) {
    createFolder(folder);
    Map<String, Integer> sorted = new LinkedHashMap<>();
    vocabulary.entrySet().stream().sorted(Map.Entry.comparingByValue())
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    TokenizerFiles.write(folder.resolve(TokenizerFiles.VOCAB), TokenizerFiles.GSON.toJson(sorted));
    TokenizerFiles.write(folder.resolve(TokenizerFiles.MERGES),
        "#version: 0.2\n" + bpe.merges().stream().map(m -> m + "\n").collect(Collectors.joining()));
    TokenizerFiles.write(folder.resolve(TokenizerFiles.ADDED), TokenizerFiles.GSON.toJson(placeholders.ids));
    String pad = byId[padId];
    Map<String, Object> specials = new LinkedHashMap<>();
    specials.put("bos_token", START);
    specials.put("eos_token", END);
    specials.put("unk_token", END);
    specials.put("pad_token", pad);
    TokenizerFiles.write(folder.resolve(TokenizerFiles.SPECIALS), TokenizerFiles.GSON.toJson(specials));
    Map<String, Object> config = new LinkedHashMap<>(specials);
    config.put("model_max_length", maxLength);
    config.put("tokenizer_class", "CLIPTokenizer");
    TokenizerFiles.write(folder.resolve(TokenizerFiles.CONFIG), TokenizerFiles.GSON.toJson(config));
    TokenizerFiles.write(folder.resolve(TokenizerFiles.TOKENIZER_JSON), ClipTokenizerJson.toJson(this));
  }

  /** Immutable snapshot of the placeholders, swapped whole so readers never see a half-made update. */
  private record Placeholders(Map<String, Integer> ids, Map<Integer, String> byId, Pattern pattern) {

    static final Placeholders NONE = new Placeholders(Map.of(), Map.of(), null);

    int nextId(int floor) {
      return byId.keySet().stream().mapToInt(i -> i + 1).max().orElse(floor);
    }

    Placeholders with(String token, int id) {
      Map<String, Integer> ids2 = new LinkedHashMap<>(ids);
      ids2.put(token, id);
      Map<Integer, String> byId2 = new TreeMap<>(byId);
      byId2.put(id, token);
      // longest first, so "<dog-v2>" wins over "<dog>"
      String alternatives = ids2.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed()
          .thenComparing(Comparator.naturalOrder())).map(Pattern::quote).collect(Collectors.joining("|"));
      return new Placeholders(Collections.unmodifiableMap(ids2), Collections.unmodifiableMap(byId2),
          Pattern.compile(alternatives));
    }
  }
}
