package dev.crossnet.api.plugin;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The option keys a plugin reads, declared so that a misspelt key is refused before the work starts instead of
 * being ignored. A plugin written before keys were declared is {@linkplain #undeclared() undeclared}: any key is
 * accepted for it.
 *
 * <pre>{@code
 * public OptionKeys optionKeys() { return OptionKeys.of("bias", "emphasis"); }
 * }</pre>
 */
public final class OptionKeys {

  private static final OptionKeys UNDECLARED = new OptionKeys(null);
  private static final OptionKeys NONE = new OptionKeys(Collections.emptySortedSet());

  /** Null when undeclared. */
  private final SortedSet<String> keys;

  private OptionKeys(SortedSet<String> keys) {
    this.keys = keys;
  }

  /** Exactly these keys; a key that is blank or given twice is a mistake in the plugin and refused. */
  public static OptionKeys of(String... keys) {
    return of(Arrays.asList(keys));
  }

  /** Exactly these keys; a key that is blank or given twice is a mistake in the plugin and refused. */
  public static OptionKeys of(Collection<String> keys) {
    SortedSet<String> set = new TreeSet<>();
    for (String key : keys) {
      Objects.requireNonNull(key, "option key");
      if (key.isBlank() || !key.equals(key.trim())) {
        throw new IllegalArgumentException("option key '" + key + "' is blank or has spaces around it; "
            + "declare keys such as \"learning-rate\"");
      }
      if (!set.add(key)) {
        throw new IllegalArgumentException("option key '" + key + "' is declared twice; declare each key once");
      }
    }
    return set.isEmpty() ? NONE : new OptionKeys(Collections.unmodifiableSortedSet(set));
  }

  /** A plugin that reads no options: any key given to it is refused. */
  public static OptionKeys none() {
    return NONE;
  }

  /** A plugin that does not say which keys it reads: any key is accepted (the default, for older plugins). */
  public static OptionKeys undeclared() {
    return UNDECLARED;
  }

  public boolean isDeclared() {
    return keys != null;
  }

  /** Whether {@code key} may be given: it is declared, or the keys are undeclared. */
  public boolean accepts(String key) {
    return keys == null || keys.contains(key);
  }

  /** The declared keys, sorted; empty when none are read or the keys are undeclared. */
  public SortedSet<String> keys() {
    return keys == null ? Collections.emptySortedSet() : keys;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OptionKeys other && Objects.equals(keys, other.keys);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(keys);
  }

  @Override
  public String toString() {
    return keys == null ? "undeclared" : keys.toString();
  }
}
