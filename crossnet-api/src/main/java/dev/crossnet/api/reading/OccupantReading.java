package dev.crossnet.api.reading;

import java.util.Objects;

/**
 * What a reader read of one region's occupant.
 *
 * @param kind what the occupant is, as a noun the model knows (e.g. "robot")
 * @param action what it is doing, as a word the model knows (e.g. "waving")
 * @param actionConfidence the reader's confidence in {@code action}, in [0, 1]
 * @param size its size in words (e.g. "small"), for the edit's record
 * @param height how tall it is drawn, on the reader's own scale: only the ratio of a subject's height to an
 *     occupant's, read by the same reader, is used
 * @param skeleton the body plan its pose is made of (e.g. "biped"); a subject of another skeleton does not fit the
 *     occupant's outline
 */
public record OccupantReading(String kind, String action, double actionConfidence, String size, double height,
    String skeleton) {

  public OccupantReading {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(skeleton, "skeleton");
    if (!(actionConfidence >= 0 && actionConfidence <= 1)) {
      throw new IllegalArgumentException("actionConfidence " + actionConfidence + " is not in [0, 1]");
    }
    if (!(height > 0) || Double.isInfinite(height)) {
      throw new IllegalArgumentException("height " + height + " must be positive and finite");
    }
  }
}
