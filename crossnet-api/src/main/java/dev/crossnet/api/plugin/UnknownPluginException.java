package dev.crossnet.api.plugin;

import java.util.List;

/** A plugin was asked for by a name that no provider on the class path has. */
public final class UnknownPluginException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String family;
  private final String requested;
  private final List<String> known;

  public UnknownPluginException(String family, String requested, List<String> known, String hint) {
    super("unknown " + family + " '" + requested + "'; known " + family + "s: "
        + (known.isEmpty() ? "(none)" : String.join(", ", known))
        + ". Use one of those names" + (hint.isEmpty() ? "" : ", or " + hint) + ".");
    this.family = family;
    this.requested = requested;
    this.known = List.copyOf(known);
  }

  public String family() {
    return family;
  }

  public String requested() {
    return requested;
  }

  public List<String> known() {
    return known;
  }
}
