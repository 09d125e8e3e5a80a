package dev.crossnet.core.schedule;

import dev.crossnet.core.model.DiffusionModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A model's own feature-loss schedule: the file {@value #FILE} in its folder, measured once on pictures the model's
 * maker chose and shipped with it (the built-in text-to-image models ship theirs). Edits read their automatic
 * strength and ILVR span from it (docs/feature-loss-schedule.md). Its name starts with
 * {@link ScheduleCache#FILE_PREFIX}, so it is not part of the model's identity.
 */
public final class ModelSchedule {

  /** The file's name in the model folder. */
  public static final String FILE = ScheduleCache.FILE_PREFIX + ".json";

  private ModelSchedule() {}

  /** The schedule the model ships, if it ships one. */
  public static Optional<FeatureLossSchedule> of(DiffusionModel model) {
    return model.source() == null ? Optional.empty() : of(model.source());
  }

  /**
   * The schedule the model folder ships, if it ships one.
   *
   * @throws ScheduleFile.CorruptScheduleException when the file is there but cannot be used, naming the file
   */
  public static Optional<FeatureLossSchedule> of(Path modelFolder) {
    Path file = modelFolder.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(ScheduleFile.readShipped(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the model's feature-loss schedule " + file, e);
    }
  }

  /** Writes {@code schedule} into the model folder as its own, atomically. */
  public static Path write(Path modelFolder, FeatureLossSchedule schedule, String modelSource) throws IOException {
    Path file = modelFolder.resolve(FILE);
    ScheduleFile.write(file, schedule, modelSource);
    return file;
  }
}
