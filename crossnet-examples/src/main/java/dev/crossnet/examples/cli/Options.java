package dev.crossnet.examples.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code --name value} options of a program (or {@code --name=value}). A program reads each option it knows
 * once, with its default, then calls {@link #rejectUnknown()}: an option given but never read is a typo, and
 * fails naming the options the program knows. Every mistake is a {@link UsageException} that names the option
 * and the text at fault.
 *
 * <pre>{@code
 * Options o = new Options("ReplaceOne", args);
 * Path out = o.path("out", "/tmp/replace-one");
 * int steps = o.integer("steps", 20);
 * Optional<Path> model = o.optionalPath("model");
 * o.rejectUnknown();
 * }</pre>
 */
public final class Options {

  private final String program;
  /** The text given for each option; null when {@code --name} came without a value. */
  private final Map<String, String> given = new LinkedHashMap<>();
  /** Every option read so far, with the value in effect (the text given, or the default; null for neither). */
  private final Map<String, String> read = new TreeMap<>();

  /**
   * Parses {@code args}, which must be all options: a word that is not {@code --name} fails. The value of
   * {@code --name} is the next word unless that is itself an option; when an option is given twice the last
   * one counts.
   */
  public Options(String program, String... args) {
    this.program = program;
    for (int i = 0; i < args.length; i++) {
      String word = args[i];
      String name = word.startsWith("--") ? word.substring(2) : "";
      String value = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        value = args[++i];
      }
      if (name.isEmpty()) {
        throw new UsageException(program + " takes options of the form --name value; got '" + word + "'");
      }
      given.put(name, value);
    }
  }

  /** The text of {@code --name}, or {@code defaultValue} (which may be null) when it is not given. */
  public String string(String name, String defaultValue) {
    String v = given.containsKey(name) ? valueOf(name, defaultValue) : defaultValue;
    read.put(name, v);
    return v;
  }

  /** The text of {@code --name}, which must be one of {@code allowed}; {@code defaultValue} when not given. */
  public String choice(String name, String defaultValue, String... allowed) {
    String v = string(name, defaultValue);
    if (!java.util.List.of(allowed).contains(v)) {
      throw new UsageException("--" + name + " must be one of " + String.join(", ", allowed) + ", got '" + v + "'");
    }
    return v;
  }

  public int integer(String name, int defaultValue) {
    String v = string(name, Integer.toString(defaultValue));
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " must be a whole number, got '" + v + "'");
    }
  }

  public long longValue(String name, long defaultValue) {
    String v = string(name, Long.toString(defaultValue));
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " must be a whole number, got '" + v + "'");
    }
  }

  public double number(String name, double defaultValue) {
    String v = string(name, Double.toString(defaultValue));
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " must be a number, got '" + v + "'");
    }
  }

  /** {@code --name a,b} as a list (empty when not given). */
  public java.util.List<String> list(String name) {
    String text = string(name, "");
    return text.isBlank() ? java.util.List.of() : java.util.List.of(text.split(","));
  }

  /**
   * {@code --name k=v,k2=v2} as an ordered map (empty when not given); fails naming an entry without {@code =}.
   * For options passed on to a plugin, e.g. {@code --edit-options branch.motion.ilvr=false}.
   */
  public Map<String, String> pairs(String name) {
    Map<String, String> map = new java.util.LinkedHashMap<>();
    for (String entry : list(name)) {
      int eq = entry.indexOf('=');
      if (eq <= 0) {
        throw new UsageException("--" + name + " entry '" + entry + "' is not name=value, e.g. --" + name
            + " branch.motion.ilvr-until=0.2,branch.motion.occupant=grey");
      }
      map.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
    }
    return map;
  }

  /** The path given as {@code --name}, or {@code defaultValue} as a path; null when both are absent. */
  public Path path(String name, String defaultValue) {
    String v = string(name, defaultValue);
    return v == null ? null : Path.of(v);
  }

  public Optional<Path> optionalPath(String name) {
    return Optional.ofNullable(path(name, null));
  }

  /** The path given as {@code --name}; fails when the option is missing. */
  public Path requiredPath(String name) {
    return optionalPath(name).orElseThrow(() -> new UsageException(program + " needs --" + name + " PATH"));
  }

  /**
   * Every option read so far with the value in effect, sorted by name: a record of how the program was run,
   * defaults included (an option with neither a value nor a default is left out).
   */
  public Map<String, String> values() {
    Map<String, String> values = new TreeMap<>();
    read.forEach((name, value) -> {
      if (value != null) {
        values.put(name, value);
      }
    });
    return values;
  }

  /** Fails naming every option given that the program never read; call it after reading them all. */
  public void rejectUnknown() {
    Set<String> unknown = new TreeSet<>(given.keySet());
    unknown.removeAll(read.keySet());
    if (!unknown.isEmpty()) {
      throw new UsageException(program + " does not know " + options(unknown) + "; it knows "
          + (read.isEmpty() ? "no options" : options(read.keySet())));
    }
  }

  private String valueOf(String name, String defaultValue) {
    String v = given.get(name);
    if (v == null) {
      throw new UsageException("--" + name + " needs a value"
          + (defaultValue == null ? "" : " (its default is " + defaultValue + ")"));
    }
    return v;
  }

  private static String options(Set<String> names) {
    return "--" + String.join(", --", names);
  }
}
