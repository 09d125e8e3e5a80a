package dev.crossnet.core.relation;

import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Region;
import java.util.Objects;
import java.util.Optional;

/**
 * A picture showing a relation (or an action) and its coarse caption with the token's placeholder, e.g.
 * {@code "a small red person <R> a large white robot in a room"}; with a region, the token is learned from what
 * the picture shows inside it only (the reconstruction loss is averaged over the region).
 */
public record Exemplar(Picture picture, String caption, Optional<Region> region) {

  public Exemplar {
    Objects.requireNonNull(picture, "picture");
    Objects.requireNonNull(caption, "caption");
    Objects.requireNonNull(region, "region");
  }

  /** An exemplar learned from the whole picture. */
  public Exemplar(Picture picture, String caption) {
    this(picture, caption, Optional.empty());
  }
}
