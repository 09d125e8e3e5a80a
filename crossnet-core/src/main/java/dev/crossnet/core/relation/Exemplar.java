package dev.crossnet.core.relation;

import dev.crossnet.api.image.Picture;
import java.util.Objects;

/**
 * A picture showing a relation and its coarse caption with the relation's placeholder, e.g.
 * {@code "a small red person <R> a large white robot in a room"}.
 */
public record Exemplar(Picture picture, String caption) {

  public Exemplar {
    Objects.requireNonNull(picture, "picture");
    Objects.requireNonNull(caption, "caption");
  }
}
