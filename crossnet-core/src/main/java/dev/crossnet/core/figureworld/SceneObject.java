package dev.crossnet.core.figureworld;

import java.util.Objects;

/** A prop standing on the ground at (x, y), in shares of the image width and height. */
public record SceneObject(ObjectKind kind, double x, double y) {

  public SceneObject {
    Objects.requireNonNull(kind, "kind");
  }
}
