package dev.crossnet.examples.train;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** {@code --key value} options; options given but never read are reported as unknown. */
final class Options {

  private final Map<String, String> values = new LinkedHashMap<>();
  private final Set<String> read = new LinkedHashSet<>();

  Options(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("options come as --name value pairs; got '" + args[i] + "'");
      }
      values.put(args[i].substring(2), args[++i]);
    }
  }

  String string(String key, String fallback) {
    read.add(key);
    return values.getOrDefault(key, fallback);
  }

  int integer(String key, int fallback) {
    return Integer.parseInt(string(key, Integer.toString(fallback)));
  }

  double number(String key, double fallback) {
    return Double.parseDouble(string(key, Double.toString(fallback)));
  }

  Path path(String key, String fallback) {
    String v = string(key, fallback);
    return v == null ? null : Path.of(v);
  }

  void rejectUnknown() {
    Set<String> unknown = new LinkedHashSet<>(values.keySet());
    unknown.removeAll(read);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown options " + unknown + "; known: " + read);
    }
  }
}
