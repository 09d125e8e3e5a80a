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
    return get(key, fallback, e -> intOf(key, e));
  }

  public float getFloat(String key, float fallback) {
    return get(key, fallback, e -> {
      if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
        throw wrongKind(key, e, "a number");
      }
      return e.getAsFloat();
    });
  }

  public boolean getBoolean(String key, boolean fallback) {
    return get(key, fallback, e -> booleanOf(key, e));
  }

  public String getString(String key, String fallback) {
    return get(key, fallback, e -> stringOf(key, e));
  }

  /** A whole number within int's range; Gson would read 3.7 as 3, 1e300 as 0 and {} as an exception. */
  private int intOf(String key, JsonElement e) {
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
      throw wrongKind(key, e, "a whole number");
    }
    try {
      return e.getAsBigDecimal().intValueExact();
    } catch (ArithmeticException | NumberFormatException notWhole) {
      throw wrongKind(key, e, "a whole number between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE);
    }
  }

  private boolean booleanOf(String key, JsonElement e) {
    if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
      throw wrongKind(key, e, "true or false");
    }
    return e.getAsBoolean();
  }

  private String stringOf(String key, JsonElement e) {
    if (!e.isJsonPrimitive()) {
      throw wrongKind(key, e, "a string");
    }
    return e.getAsString();
  }

  private IllegalArgumentException wrongKind(String key, JsonElement e, String kind) {
    String shown = e.toString();
    return new IllegalArgumentException(source + ": '" + key + "' is "
        + (shown.length() > 60 ? shown.substring(0, 60) + "..." : shown) + " but must be " + kind
        + "; the config is damaged or belongs to another kind of model: fix '" + key + "' in " + source);
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
        if (booleanOf(key, x)) {
          return true;
        }
      }
      return false;
    }
    return booleanOf(key, e);
  }

  /** Whether the key holds a JSON object (e.g. {@code "size": {"shortest_edge": 224}}). */
  public boolean isObject(String key) {
    JsonElement e = get(key);
    return e != null && e.isJsonObject();
  }

  /** A nested object as a config of its own, its keys reported as {@code file: key.inner}; null when absent. */
  public JsonConfig object(String key) {
    JsonElement e = get(key);
    if (e == null) {
      return null;
    }
    if (!e.isJsonObject()) {
      throw wrongKind(key, e, "an object");
    }
    return new JsonConfig(source + ": " + key, e.getAsJsonObject());
  }

  /** A list of numbers, or the fallback when the key is absent. */
  public float[] getFloats(String key, float[] fallback) {
    JsonElement e = get(key);
    if (e == null) {
      return fallback;
    }
    if (!e.isJsonArray()) {
      throw wrongKind(key, e, "a list of numbers");
    }
    JsonArray a = e.getAsJsonArray();
    float[] out = new float[a.size()];
    for (int i = 0; i < out.length; i++) {
      JsonElement x = a.get(i);
      if (!x.isJsonPrimitive() || !x.getAsJsonPrimitive().isNumber()) {
        throw wrongKind(key, e, "a list of numbers");
      }
      out[i] = x.getAsFloat();
    }
    return out;
  }

  /** A list of strings (required). */
  public List<String> requireStrings(String key) {
    JsonElement e = get(key);
    if (e == null || !e.isJsonArray()) {
      throw missing(key);
    }
    List<String> out = new ArrayList<>();
    for (JsonElement x : e.getAsJsonArray()) {
      out.add(stringOf(key, x));
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
        out[i] = intOf(key, a.get(i));
      }
    } else {
      java.util.Arrays.fill(out, intOf(key, e));
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
    if (e != null && !stringOf(key, e).equals(allowed)) {
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
