package dev.crossnet.examples.relation;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** {@code --key value} options of an example program; unknown keys are refused with the known ones listed. */
final class Options {

  private final String program;
  private final Map<String, String> values = new LinkedHashMap<>();
  private final Set<String> known = new TreeSet<>();

  Options(String program, String[] args) {
    this.program = program;
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException(program + ": expected --key value pairs, got '" + args[i] + "'");
      }
      values.put(args[i].substring(2), args[++i]);
    }
  }

  String string(String key, String defaultValue) {
    known.add(key);
    return values.getOrDefault(key, defaultValue);
  }

  int integer(String key, int defaultValue) {
    return Integer.parseInt(string(key, Integer.toString(defaultValue)));
  }

  double number(String key, double defaultValue) {
    return Double.parseDouble(string(key, Double.toString(defaultValue)));
  }

  Path path(String key) {
    String v = string(key, null);
    if (v == null) {
      throw new IllegalArgumentException(program + ": --" + key + " is required");
    }
    return Path.of(v);
  }

  /** Call after reading every option. */
  void rejectUnknown() {
    Set<String> unknown = new TreeSet<>(values.keySet());
    unknown.removeAll(known);
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(program + ": unknown option(s) " + unknown + "; known: " + known);
    }
  }
}
