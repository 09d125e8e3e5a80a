package dev.crossnet.core.figureworld;

import java.util.Objects;

/**
 * How a figure looks apart from its kind and pose: its main colour (shirt, casing or fur), whether it wears a
 * hat, and its size.
 */
public record Appearance(Colour colour, boolean hat, Size size) {

  public Appearance {
    Objects.requireNonNull(colour, "colour");
    Objects.requireNonNull(size, "size");
  }
}
