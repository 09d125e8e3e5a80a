package dev.crossnet.core.schedule;

import ai.djl.ndarray.NDManager;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import dev.crossnet.api.progress.ProgressListener;
import dev.crossnet.api.region.Mask;
import dev.crossnet.core.model.DefaultModel;
import dev.crossnet.core.model.DiffusionModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where feature-loss schedules are kept: a file {@code feature-loss-schedule-<key>.json} in the model's own folder
 * when it is writable, else {@code feature-loss-schedules/<key>.json} under a fallback folder (CrossNet's cache
 * folder, {@link DefaultModel#cacheRoot()}, for {@link #standard()}). The key is a hash of the model's content
 * ({@link ModelIdentity}), the settings and the pictures with their regions, so a changed model, grid, seed or
 * picture set is measured afresh. A cache file that cannot be used is reported in a warning, measured again and
 * overwritten, never used.
 */
public final class ScheduleCache {

  /** The start of every schedule file's name in a model folder. */
  public static final String FILE_PREFIX = "feature-loss-schedule";
  /** The version of the measurement; a change to what is measured changes it, and so every key. */
  static final int MEASUREMENT_VERSION = 1;

  private static final Logger LOG = LoggerFactory.getLogger(ScheduleCache.class);

  private final Path fallback;

  /** A cache whose fallback folder (for models in read-only folders) is {@code fallback}. */
  public ScheduleCache(Path fallback) {
    this.fallback = fallback;
  }

  /** The cache with CrossNet's cache folder as fallback. */
  public static ScheduleCache standard() {
    return new ScheduleCache(DefaultModel.cacheRoot());
  }

  /** The cache file of a schedule with this key for the model folder. */
  public Path file(Path modelFolder, String key) {
    String name = key.substring(0, 16);
    if (Files.isDirectory(modelFolder) && Files.isWritable(modelFolder)) {
      return modelFolder.resolve(FILE_PREFIX + "-" + name + ".json");
    }
    return fallback.resolve(FILE_PREFIX + "s").resolve(name + ".json");
  }

  /**
   * The cached schedule, or a fresh measurement written to the cache. A cache file that cannot be used is named in
   * a warning and replaced.
   */
  public FeatureLossSchedule loadOrCompute(DiffusionModel model, List<MaskedPicture> pictures,
      FeatureLossSettings settings, ProgressListener progress, NDManager manager) {
    String identity = ModelIdentity.of(model);
    String key = key(identity, settings, pictures);
    Path file = file(model.source(), key);
    try {
      FeatureLossSchedule cached = ScheduleFile.read(file, key);
      LOG.info("feature-loss schedule of {} read from {}", model.source(), file);
      return cached;
    } catch (NoSuchFileException e) {
      LOG.info("no feature-loss schedule of {} cached at {}; measuring it", model.source(), file);
    } catch (ScheduleFile.CorruptScheduleException e) {
      LOG.warn("{}; measuring it again", e.getMessage());
    } catch (IOException e) {
      LOG.warn("cannot read the feature-loss schedule file {} ({}); measuring it again", file, e.getMessage());
    }
    FeatureLossSchedule measured = new FeatureLossMeasurement().measure(model, identity, pictures, settings, progress,
        PredictionObserver.NONE, manager);
    store(model, measured);
    return measured;
  }

  /**
   * Writes a schedule measured elsewhere (e.g. with a {@link PredictionObserver}) to the model's cache file, so that
   * {@link #loadOrCompute} finds it. The schedule must have been measured on this model's folder as it is now.
   */
  public Path store(DiffusionModel model, FeatureLossSchedule schedule) {
    String identity = ModelIdentity.of(model);
    if (!identity.equals(schedule.modelIdentity())) {
      throw new IllegalArgumentException("the schedule was measured on model " + schedule.modelIdentity()
          + " but the folder " + model.source() + " now holds model " + identity + "; measure it again");
    }
    Path file = file(model.source(), schedule.key());
    try {
      ScheduleFile.write(file, schedule, model.source().toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the feature-loss schedule to " + file + ": " + e.getMessage()
          + " (make the folder writable, or set -Dcrossnet.cache to a writable folder)", e);
    }
    LOG.info("feature-loss schedule of {} written to {}", model.source(), file);
    return file;
  }

  /** The cache key: SHA-256 of the measurement version, model identity, settings, pictures and their regions. */
  public static String key(String modelIdentity, FeatureLossSettings settings, List<MaskedPicture> pictures) {
    Hasher h = Hashing.sha256().newHasher();
    h.putInt(MEASUREMENT_VERSION);
    h.putString(modelIdentity, StandardCharsets.UTF_8);
    h.putLong(settings.seed());
    h.putInt(settings.fractions().size());
    settings.fractions().forEach(h::putDouble);
    if (settings.pathSteps() > 1) {
      h.putInt(settings.pathSteps());
    }
    h.putInt(pictures.size());
    for (MaskedPicture p : pictures) {
      h.putInt(p.picture().width()).putInt(p.picture().height());
      for (int rgb : p.picture().rgbPixels()) {
        h.putInt(rgb);
      }
      Mask m = p.region();
      for (float w : m.weights()) {
        h.putFloat(w);
      }
    }
    return h.hash().toString();
  }
}
