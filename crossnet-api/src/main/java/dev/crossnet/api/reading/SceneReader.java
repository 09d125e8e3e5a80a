package dev.crossnet.api.reading;

import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Mask;
import dev.crossnet.api.subject.Subject;
import java.util.List;

/**
 * Reads an edit's pictures: each region's occupant in the bedrock, and each subject from its pictures. One reader
 * serves one edit and is closed with it; what it loads (a classifier's weights) it frees in {@link #close()}.
 *
 * <pre>{@code
 * try (SceneReader reader = provider.open(ReadModel.at(modelFolder), manager)) {
 *   OccupantReading occupant = reader.occupants(bedrock, List.of(region)).get(0);
 *   SubjectReading subject = reader.subject(Subject.of("<my-dog>", dogPicture));
 *   String word = reader.actionFor(subject, occupant);     // e.g. "standing" for a dog where a person waved
 * }
 * }</pre>
 */
public interface SceneReader extends AutoCloseable {

  /**
   * Reads the occupant of each region, in the regions' order.
   *
   * @throws IllegalArgumentException when a region covers nothing or is not of the bedrock's size
   */
  List<OccupantReading> occupants(Picture bedrock, List<Mask> regions);

  /**
   * Reads a subject from its pictures (each inside its mask where the subject gives one).
   *
   * @throws IllegalArgumentException when the subject has no pictures, or a mask covers nothing
   */
  SubjectReading subject(Subject subject);

  /** Every word {@link OccupantReading#action()} and {@link #actionFor} may answer with. */
  List<String> actionWords();

  /**
   * The word for the occupant's action as the subject would do it (a dog cannot wave: "standing"); by default the
   * occupant's own.
   */
  default String actionFor(SubjectReading subject, OccupantReading occupant) {
    return occupant.action();
  }

  /** Frees what the reader loaded; it cannot read afterwards. */
  @Override
  void close();
}
