package dev.crossnet.api.plugin;

import java.util.List;
import java.util.Optional;

/**
 * An option was given under a key that the component it addresses does not read, e.g.
 * {@code branch.motion.nonsense}. The message names the key, the component, the closest known key when one is
 * close, and every key the component knows.
 */
public final class UnknownOptionException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String key;
  private final String component;
  private final List<String> known;
  private final String suggestion;

  /**
   * @param key the key as given, e.g. "branch.motion.nonsense"
   * @param component what the key addresses, e.g. "branch 'motion'"
   * @param known the keys the component knows, in the form they are given
   * @param suggestion the known key closest to {@code key}, or null when none is close
   */
  public UnknownOptionException(String key, String component, List<String> known, String suggestion) {
    super("unknown option '" + key + "' for " + component
        + (suggestion == null ? "" : " (did you mean '" + suggestion + "'?)")
        + "; " + component + " knows " + (known.isEmpty() ? "no options" : String.join(", ", known))
        + ". Correct the key or remove it.");
    this.key = key;
    this.component = component;
    this.known = List.copyOf(known);
    this.suggestion = suggestion;
  }

  public String key() {
    return key;
  }

  public String component() {
    return component;
  }

  public List<String> known() {
    return known;
  }

  public Optional<String> suggestion() {
    return Optional.ofNullable(suggestion);
  }
}
