package dev.crossnet.examples.edit;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code --name value} options of the edit programs; an unknown option fails naming the known ones. */
final class Flags {

  private final Map<String, String> values = new LinkedHashMap<>();

  Flags(String[] args, String... known) {
    java.util.Set<String> allowed = java.util.Set.of(known);
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --name value pairs, got '" + a + "'; options: "
            + String.join(", ", known));
      }
      String key = a.substring(2);
      if (!allowed.contains(key)) {
        throw new IllegalArgumentException("unknown option --" + key + "; options: " + String.join(", ", known));
      }
      values.put(key, args[++i]);
    }
  }

  Optional<Path> path(String key) {
    return Optional.ofNullable(values.get(key)).map(Path::of);
  }

  Path path(String key, String defaultValue) {
    return Path.of(values.getOrDefault(key, defaultValue));
  }

  int integer(String key, int defaultValue) {
    String v = values.get(key);
    try {
      return v == null ? defaultValue : Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + key + " must be a whole number, got '" + v + "'", e);
    }
  }

  double number(String key, double defaultValue) {
    String v = values.get(key);
    try {
      return v == null ? defaultValue : Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + key + " must be a number, got '" + v + "'", e);
    }
  }
}
