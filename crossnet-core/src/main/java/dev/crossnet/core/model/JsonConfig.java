package dev.crossnet.core.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Typed reads of a model's {@code config.json} with the defaults of the reference implementation. Errors
 * name the file and key.
 */
public final class JsonConfig {

  private final String source;
  private final JsonObject json;

  public JsonConfig(String source, JsonObject json) {
    this.source = source;
    this.json = json;
  }

  /** Reads and parses a config file. */
  public static JsonConfig read(Path file) {
    try {
      return new JsonConfig(file.toString(), JsonParser.parseString(Files.readString(file)).getAsJsonObject());
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("cannot read model config " + file + ": " + e.getMessage(), e);
    }
  }

  /** Parses config text (tests, generated configs). */
  public static JsonConfig parse(String name, String text) {
    return new JsonConfig(name, JsonParser.parseString(text).getAsJsonObject());
  }

  public String source() {
    return source;
  }

  private JsonElement get(String key) {
    JsonElement e = json.get(key);
    return e == null || e.isJsonNull() ? null : e;
  }

  public boolean isSet(String key) {
    return get(key) != null;
  }

  private <T> T get(String key, T fallback, Function<JsonElement, T> read) {
    JsonElement e = get(key);
    return e == null ? fallback : read.apply(e);
  }

  public int getInt(String key, int fallback) {
    return get(key, fallback, JsonElement::getAsInt);
  }

  public float getFloat(String key, float fallback) {
    return get(key, fallback, JsonElement::getAsFloat);
  }

  public boolean getBoolean(String key, boolean fallback) {
    return get(key, fallback, JsonElement::getAsBoolean);
  }

  public String getString(String key, String fallback) {
    return get(key, fallback, JsonElement::getAsString);
  }

  /** A required key. */
  public int requireInt(String key) {
    if (get(key) == null) {
      throw missing(key);
    }
    return getInt(key, 0);
  }

  /** Whether a boolean key, or any entry of a boolean list, is true. */
  public boolean anyTrue(String key) {
    JsonElement e = get(key);
    if (e == null) {
      return false;
    }
    if (e.isJsonArray()) {
      for (JsonElement x : e.getAsJsonArray()) {
        if (x.getAsBoolean()) {
          return true;
        }
      }
      return false;
    }
    return e.getAsBoolean();
  }

  /** A list of strings (required). */
  public List<String> requireStrings(String key) {
    JsonElement e = get(key);
    if (e == null || !e.isJsonArray()) {
      throw missing(key);
    }
    List<String> out = new ArrayList<>();
    for (JsonElement x : e.getAsJsonArray()) {
      out.add(x.getAsString());
    }
    return out;
  }

  /**
   * An int per block: a number repeated {@code count} times or a list of exactly {@code count}; null when
   * the key is absent or null.
   */
  public int[] intsPerBlock(String key, int count) {
    JsonElement e = get(key);
    if (e == null) {
      return null;
    }
    int[] out = new int[count];
    if (e.isJsonArray()) {
      JsonArray a = e.getAsJsonArray();
      if (a.size() != count) {
        throw new IllegalArgumentException(source + ": '" + key + "' has " + a.size()
            + " entries but there are " + count + " blocks; give one value per block or a single number");
      }
      for (int i = 0; i < count; i++) {
        out[i] = a.get(i).getAsInt();
      }
    } else {
      java.util.Arrays.fill(out, e.getAsInt());
    }
    return out;
  }

  /** Fails when a key has a value other than the supported ones (null counts as absent). */
  public void requireUnset(String key, String why) {
    if (get(key) != null) {
      throw new IllegalArgumentException(source + ": '" + key + "' = " + get(key)
          + " is not supported (" + why + "); remove it or use a supported model");
    }
  }

  /** Fails when a string key is set to something other than the allowed value. */
  public void requireValue(String key, String allowed, String why) {
    JsonElement e = get(key);
    if (e != null && !e.getAsString().equals(allowed)) {
      throw new IllegalArgumentException(source + ": '" + key + "' = " + e + " is not supported (" + why
          + "); only \"" + allowed + "\" is");
    }
  }

  /**
   * Fails, naming the file and key, when a size lies outside [{@code min}, {@code max}]: a damaged or foreign
   * config then fails here, not deep inside PyTorch asking for more memory than any machine has.
   *
   * @param known what real models use, for the message (e.g. "Stable Diffusion XL uses at most 1280")
   */
  public int requireWithin(String key, int value, int min, int max, String known) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(source + ": '" + key + "' is " + value + ", outside the " + min + ".." + max
          + " CrossNet accepts (" + known + "); the config is damaged or belongs to another kind of model: fix '"
          + key + "' in " + source);
    }
    return value;
  }

  /** {@link #requireWithin(String, int, int, int, String)} for every entry of a per-block list. */
  public int[] requireWithin(String key, int[] values, int min, int max, String known) {
    for (int i = 0; i < values.length; i++) {
      requireWithin(values.length == 1 ? key : key + "[" + i + "]", values[i], min, max, known);
    }
    return values;
  }

  private IllegalArgumentException missing(String key) {
    return new IllegalArgumentException(source + ": required key '" + key + "' is missing");
  }
}
