package dev.crossnet.samplers.config;

import dev.crossnet.api.plugin.PluginConfig;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads enum-valued config keys written in diffusers' spelling ("scaled_linear", "v_prediction"). */
final class ConfigEnums {

  private ConfigEnums() {}

  /**
   * The constant whose config spelling equals the value of {@code key}, or {@code defaultValue} when absent.
   *
   * @throws IllegalArgumentException naming the key, the value and the allowed spellings
   */
  static <E extends Enum<E>> E read(PluginConfig config, String key, E defaultValue, Class<E> type,
      Function<E, String> spelling) {
    if (!config.has(key)) {
      return defaultValue;
    }
    String value = config.getString(key, "").trim().toLowerCase(Locale.ROOT);
    for (E constant : type.getEnumConstants()) {
      if (spelling.apply(constant).equals(value)) {
        return constant;
      }
    }
    String allowed = Arrays.stream(type.getEnumConstants()).map(spelling).collect(Collectors.joining(", "));
    throw new IllegalArgumentException("config key '" + key + "' has the unsupported value '"
        + config.getString(key, "") + "'; use one of: " + allowed);
  }

  /** Fails when {@code key} holds anything but {@code expected}: for diffusers options CrossNet does not offer. */
  static void requireValue(PluginConfig config, String key, Object expected) {
    if (!config.has(key)) {
      return;
    }
    Object actual = config.get(key).orElseThrow();
    boolean same = expected instanceof Boolean b
        ? config.getBoolean(key, b) == b
        : String.valueOf(actual).equalsIgnoreCase(String.valueOf(expected));
    if (!same) {
      throw new IllegalArgumentException("config key '" + key + "' = '" + actual + "' is not supported by "
          + "CrossNet's samplers; the only allowed value is '" + expected + "' (remove the key or set it so)");
    }
  }
}
