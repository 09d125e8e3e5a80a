package dev.crossnet.core.figureworld;

import java.util.Objects;

/** A figure and where it stands. */
public record PlacedFigure(Figure figure, Placement placement) {

  public PlacedFigure {
    Objects.requireNonNull(figure, "figure");
    Objects.requireNonNull(placement, "placement");
  }
}
