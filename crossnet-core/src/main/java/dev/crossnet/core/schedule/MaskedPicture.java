package dev.crossnet.core.schedule;

import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Mask;
import java.util.Objects;

/**
 * A held-out picture and the region of it whose features are measured (e.g. the object an edit would replace).
 *
 * @param picture the picture, at a size the model can encode
 * @param region a mask of the picture's size with at least one pixel of weight above zero
 */
public record MaskedPicture(Picture picture, Mask region) {

  public MaskedPicture {
    Objects.requireNonNull(picture, "picture");
    Objects.requireNonNull(region, "region");
    if (region.width() != picture.width() || region.height() != picture.height()) {
      throw new IllegalArgumentException("the region mask is " + region.width() + "x" + region.height()
          + " but the picture is " + picture.width() + "x" + picture.height()
          + "; give a mask of the picture's own size");
    }
    if (region.bounds().isEmpty()) {
      throw new IllegalArgumentException("the region mask is empty (every weight is 0); give a mask that "
          + "covers the object to measure");
    }
  }
}
