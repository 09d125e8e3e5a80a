package dev.crossnet.examples.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code --key value} and {@code --flag} options of a sub-command. Every option read is remembered, so that
 * {@link #rejectUnknown()} can name options the command does not know (typos fail instead of being ignored).
 */
final class Arguments {

  private final Map<String, String> values = new LinkedHashMap<>();
  private final Set<String> read = new LinkedHashSet<>();
  private final String command;

  Arguments(String command, String[] args, int from) {
    this.command = command;
    for (int i = from; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--") || a.length() == 2) {
        throw new UsageException("'" + command + "' takes options of the form --name value; got '" + a + "'");
      }
      String key = a.substring(2);
      String value = "true";
      int eq = key.indexOf('=');
      if (eq >= 0) {
        value = key.substring(eq + 1);
        key = key.substring(0, eq);
      } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        value = args[++i];
      }
      values.put(key, value);
    }
  }

  String string(String key, String defaultValue) {
    read.add(key);
    return values.getOrDefault(key, defaultValue);
  }

  int integer(String key, int defaultValue) {
    String v = string(key, null);
    try {
      return v == null ? defaultValue : Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new UsageException("--" + key + " must be a whole number, got '" + v + "'");
    }
  }

  long longValue(String key, long defaultValue) {
    String v = string(key, null);
    try {
      return v == null ? defaultValue : Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new UsageException("--" + key + " must be a whole number, got '" + v + "'");
    }
  }

  double number(String key, double defaultValue) {
    String v = string(key, null);
    try {
      return v == null ? defaultValue : Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new UsageException("--" + key + " must be a number, got '" + v + "'");
    }
  }

  Path path(String key, String defaultValue) {
    String v = string(key, defaultValue);
    return v == null ? null : Path.of(v);
  }

  boolean flag(String key) {
    return Boolean.parseBoolean(string(key, "false"));
  }

  /** Fails naming every option given that the command never asked for. */
  void rejectUnknown() {
    Set<String> unknown = new LinkedHashSet<>(values.keySet());
    unknown.removeAll(read);
    if (!unknown.isEmpty()) {
      throw new UsageException("'" + command + "' does not know the option(s) --" + String.join(", --", unknown)
          + "; it knows --" + String.join(", --", read));
    }
  }
}
