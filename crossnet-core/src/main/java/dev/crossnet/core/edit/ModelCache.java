package dev.crossnet.core.edit;

import ai.djl.ndarray.NDManager;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.model.DiffusionModel;
import java.lang.reflect.InvocationTargetException;
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
  /** Added by the default-model work; looked up by name so that this runtime works before it exists. */
  static final String DEFAULT_MODEL_CLASS = "dev.crossnet.core.model.DefaultModel";
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
    Class<?> type;
    try {
      type = Class.forName(DEFAULT_MODEL_CLASS);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("no model was named and this build has no default model ("
          + DEFAULT_MODEL_CLASS + " is absent); name a diffusers model folder with .model(Path.of(\"...\")) "
          + "or the --model option", e);
    }
    try {
      LOG.info("loading the default model through {}", DEFAULT_MODEL_CLASS);
      return (DiffusionModel) type.getMethod("load", NDManager.class).invoke(null, manager);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("the default model failed to load: " + e.getCause().getMessage()
          + "; name a model folder with .model(...) instead", e.getCause());
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalStateException(DEFAULT_MODEL_CLASS + " has no usable static load(NDManager) returning "
          + "a DiffusionModel: " + e, e);
    }
  }

  /** A manager for one edit's arrays, a child of the one holding the weights; the caller closes it. */
  public NDManager newEditManager() {
    return manager.newSubManager();
  }

  /** The manager holding the weights (tests count what is left in it after an edit). */
  NDManager manager() {
    return manager;
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
