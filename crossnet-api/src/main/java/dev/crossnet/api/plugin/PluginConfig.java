package dev.crossnet.api.plugin;

import com.google.common.collect.ImmutableMap;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Immutable key/value settings handed to {@link PluginProvider#create(PluginConfig)}; usually read from a
 * diffusers-style JSON file. Values are strings, numbers, booleans, lists or nested configs.
 */
public final class PluginConfig {

  private static final PluginConfig EMPTY = new PluginConfig(ImmutableMap.of());

  private final ImmutableMap<String, Object> values;

  private PluginConfig(Map<String, Object> values) {
    this.values = ImmutableMap.copyOf(values);
  }

  public static PluginConfig empty() {
    return EMPTY;
  }

  /** A config of the given pairs: {@code of("steps_offset", 1, "beta_schedule", "linear")}. */
  public static PluginConfig of(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("PluginConfig.of needs key/value pairs, got an odd count "
          + keysAndValues.length);
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(String.valueOf(keysAndValues[i]), keysAndValues[i + 1]);
    }
    return new PluginConfig(map);
  }

  public static PluginConfig of(Map<String, ?> map) {
    return new PluginConfig(new LinkedHashMap<>(map));
  }

  /** Reads a JSON object file such as diffusers' {@code scheduler_config.json}. */
  public static PluginConfig readJson(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      JsonElement root = JsonParser.parseReader(reader);
      if (!root.isJsonObject()) {
        throw new IOException(file + " does not hold a JSON object");
      }
      return fromJson(root.getAsJsonObject());
    } catch (com.google.gson.JsonParseException e) {
      throw new IOException("cannot parse JSON in " + file + ": " + e.getMessage(), e);
    }
  }

  public static PluginConfig parseJson(String json) {
    return fromJson(JsonParser.parseString(json).getAsJsonObject());
  }

  private static PluginConfig fromJson(JsonObject object) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> e : object.entrySet()) {
      Object v = convert(e.getValue());
      if (v != null) {
        map.put(e.getKey(), v);
      }
    }
    return new PluginConfig(map);
  }

  private static Object convert(JsonElement e) {
    if (e == null || e.isJsonNull()) {
      return null;
    }
    if (e.isJsonObject()) {
      return fromJson(e.getAsJsonObject());
    }
    if (e.isJsonArray()) {
      List<Object> list = new ArrayList<>();
      for (JsonElement item : e.getAsJsonArray()) {
        list.add(convert(item));
      }
      return java.util.Collections.unmodifiableList(list);
    }
    var p = e.getAsJsonPrimitive();
    if (p.isBoolean()) {
      return p.getAsBoolean();
    }
    if (p.isNumber()) {
      return p.getAsBigDecimal();
    }
    return p.getAsString();
  }

  public Map<String, Object> asMap() {
    return values;
  }

  public boolean has(String key) {
    return values.containsKey(key);
  }

  public Optional<Object> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  public String getString(String key, String defaultValue) {
    Object v = values.get(key);
    return v == null ? defaultValue : v.toString();
  }

  public int getInt(String key, int defaultValue) {
    Object v = values.get(key);
    if (v == null) {
      return defaultValue;
    }
    if (v instanceof Number n) {
      double d = n.doubleValue();
      if (d != Math.rint(d)) {
        throw new IllegalArgumentException("config key '" + key + "' must be a whole number, got " + v);
      }
      return n.intValue();
    }
    return parse(key, v, "a whole number", s -> Integer.parseInt(s.trim()));
  }

  public double getDouble(String key, double defaultValue) {
    Object v = values.get(key);
    if (v == null) {
      return defaultValue;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    return parse(key, v, "a number", s -> Double.parseDouble(s.trim()));
  }

  public boolean getBoolean(String key, boolean defaultValue) {
    Object v = values.get(key);
    if (v == null) {
      return defaultValue;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    String s = v.toString().trim().toLowerCase(java.util.Locale.ROOT);
    if (s.equals("true") || s.equals("false")) {
      return Boolean.parseBoolean(s);
    }
    throw new IllegalArgumentException("config key '" + key + "' must be true or false, got '" + v + "'");
  }

  /** A list of numbers, or empty when the key is absent. */
  public Optional<double[]> getDoubles(String key) {
    Object v = values.get(key);
    if (v == null) {
      return Optional.empty();
    }
    if (!(v instanceof List<?> list)) {
      throw new IllegalArgumentException("config key '" + key + "' must be a list of numbers, got " + v);
    }
    double[] out = new double[list.size()];
    for (int i = 0; i < out.length; i++) {
      Object item = list.get(i);
      if (!(item instanceof Number n)) {
        throw new IllegalArgumentException("config key '" + key + "' item " + i + " is not a number: " + item);
      }
      out[i] = n.doubleValue();
    }
    return Optional.of(out);
  }

  /** A nested config, or empty when the key is absent. */
  public Optional<PluginConfig> getConfig(String key) {
    Object v = values.get(key);
    if (v == null) {
      return Optional.empty();
    }
    if (v instanceof PluginConfig c) {
      return Optional.of(c);
    }
    throw new IllegalArgumentException("config key '" + key + "' must be an object, got " + v);
  }

  /** A copy with one more (or one replaced) value. */
  public PluginConfig with(String key, Object value) {
    Map<String, Object> map = new LinkedHashMap<>(values);
    map.put(key, value);
    return new PluginConfig(map);
  }

  /** A copy where the other config's values win. */
  public PluginConfig merge(PluginConfig overrides) {
    Map<String, Object> map = new LinkedHashMap<>(values);
    map.putAll(overrides.values);
    return new PluginConfig(map);
  }

  private static <T> T parse(String key, Object v, String what, java.util.function.Function<String, T> parser) {
    try {
      return parser.apply(v.toString());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("config key '" + key + "' must be " + what + ", got '" + v + "'", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PluginConfig other && values.equals(other.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
