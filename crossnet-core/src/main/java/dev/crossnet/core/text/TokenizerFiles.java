package dev.crossnet.core.text;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading and writing the files of a Hugging Face tokenizer folder. */
final class TokenizerFiles {

  static final String VOCAB = "vocab.json";
  static final String MERGES = "merges.txt";
  static final String ADDED = "added_tokens.json";
  static final String CONFIG = "tokenizer_config.json";
  static final String SPECIALS = "special_tokens_map.json";
  static final String TOKENIZER_JSON = "tokenizer.json";

  static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

  private TokenizerFiles() {}

  static JsonObject readObject(Path file) {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      JsonElement root = JsonParser.parseReader(in);
      if (!root.isJsonObject()) {
        throw new TokenizerException(file + ": expected a JSON object");
      }
      return root.getAsJsonObject();
    } catch (IOException | JsonParseException e) {
      throw new TokenizerException(file + ": cannot read (" + e.getMessage() + ")", e);
    }
  }

  /** A JSON object of string -> integer id, in file order. */
  static Map<String, Integer> readIds(Path file) {
    Map<String, Integer> ids = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> e : readObject(file).entrySet()) {
      JsonElement v = e.getValue();
      if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isNumber()) {
        throw new TokenizerException(file + ": the id of '" + e.getKey() + "' must be a number, got " + v);
      }
      ids.put(e.getKey(), v.getAsInt());
    }
    return ids;
  }

  /** merges.txt lines ("left right"), without the version header and blank lines. */
  static List<String> readMerges(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new TokenizerException(file + ": cannot read (" + e.getMessage() + ")", e);
    }
    List<String> merges = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if ((i == 0 && line.startsWith("#version")) || line.isBlank()) {
        continue;
      }
      String[] parts = line.split(" ");
      if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
        throw new TokenizerException(file + ": line " + (i + 1) + " is '" + line
            + "', but a merge is two symbols separated by one space");
      }
      merges.add(line);
    }
    return merges;
  }

  /** A token setting that is either a string or an object with "content" (both forms exist). */
  static Optional<String> tokenSetting(JsonObject config, String key) {
    JsonElement v = config.get(key);
    if (v == null || v.isJsonNull()) {
      return Optional.empty();
    }
    if (v.isJsonPrimitive()) {
      return Optional.of(v.getAsString());
    }
    if (v.isJsonObject() && v.getAsJsonObject().has("content")) {
      return Optional.of(v.getAsJsonObject().get("content").getAsString());
    }
    return Optional.empty();
  }

  /** Writes a text file atomically (temporary file, then rename) so a crash never leaves half a file. */
  static void write(Path file, String text) {
    try {
      Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp");
      try {
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        try {
          Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new TokenizerException(file + ": cannot write (" + e.getMessage() + ")", e);
    }
  }
}
