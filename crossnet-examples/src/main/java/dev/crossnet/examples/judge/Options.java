package dev.crossnet.examples.judge;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/** {@code --key value} options with defaults; an unknown key or a missing value stops the program. */
final class Options {

  private Options() {}

  static Map<String, String> parse(String[] args, Map<String, String> defaults) {
    Map<String, String> out = new LinkedHashMap<>(new java.util.TreeMap<>(defaults));
    for (int i = 0; i < args.length; i++) {
      String key = args[i].startsWith("--") ? args[i].substring(2) : null;
      if (key == null || !defaults.containsKey(key)) {
        throw new IllegalArgumentException("unknown option '" + args[i] + "'; known: --"
            + String.join(", --", new TreeSet<>(defaults.keySet())));
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("option --" + key + " needs a value (default " + defaults.get(key) + ")");
      }
      out.put(key, args[++i]);
    }
    return out;
  }
}
