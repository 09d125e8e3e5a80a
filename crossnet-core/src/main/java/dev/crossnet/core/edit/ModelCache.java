package dev.crossnet.core.edit;

import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDManager;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.model.DefaultModel;
import dev.crossnet.core.model.DiffusionModel;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loaded models by folder, so repeated edits do not reload them. Weights live in one manager owned by the
 * cache; {@link #close()} frees them all.
 */
public final class ModelCache implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ModelCache.class);
  private static final Path DEFAULT_KEY = Path.of("<default>");

  private final NDManager manager = OfflineEngine.get().newBaseManager();
  private final Map<Path, DiffusionModel> models = new ConcurrentHashMap<>();

  /** The model in this folder, or CrossNet's default model when none is named. */
  public DiffusionModel get(Optional<Path> folder) {
    if (folder.isPresent()) {
      Path key = folder.get().toAbsolutePath().normalize();
      return models.computeIfAbsent(key, k -> DiffusionModel.load(k, manager));
    }
    return models.computeIfAbsent(DEFAULT_KEY, k -> loadDefault());
  }

  private DiffusionModel loadDefault() {
    if (!DefaultModel.isBundled()) {
      throw new IllegalStateException("no model was named and this build ships no default model; name a "
          + "diffusers model folder with .model(Path.of(\"...\")) or the --model option");
    }
    LOG.info("loading the default model");
    return DefaultModel.load(manager);
  }

  /** A manager for one edit's arrays, a child of the one holding the weights; the caller closes it. */
  public NDManager newEditManager() {
    return manager.newSubManager();
  }

  /** The manager holding the weights (tests count what is left in it after an edit). */
  NDManager manager() {
    return manager;
  }

  /** Native arrays held by this cache: every model's weights and any array an edit has not closed. */
  public long openArrays() {
    return manager instanceof BaseNDManager base ? base.getManagedArrays().size() : -1;
  }

  /** Number of models held. */
  public int size() {
    return models.size();
  }

  @Override
  public void close() {
    models.clear();
    manager.close();
  }
}
