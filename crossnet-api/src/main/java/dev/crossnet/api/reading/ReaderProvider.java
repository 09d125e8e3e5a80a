package dev.crossnet.api.reading;

import ai.djl.ndarray.NDManager;
import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.api.plugin.PluginProvider;

/**
 * Contributes a {@link SceneReader} under a name. Register an implementation in
 * {@code META-INF/services/dev.crossnet.api.reading.ReaderProvider}. An edit's {@code reader=auto} (the default)
 * takes the first provider, by (order, name), whose {@link #reads} accepts the edit's model; {@code reader=<name>}
 * takes that one whatever the model; {@code reader=none} reads nothing.
 *
 * <pre>{@code
 * public final class PhotoReaderProvider implements ReaderProvider {
 *   public String name() { return "photo"; }
 *   public boolean reads(ReadModel model) { return model.folder().map(f -> Files.exists(f.resolve("photo-reader"))).orElse(false); }
 *   public SceneReader open(ReadModel model, NDManager manager) { return new PhotoReader(model, manager); }
 * }
 * }</pre>
 */
public interface ReaderProvider extends PluginProvider<SceneReader> {

  /** Whether this reader understands the pictures {@code model} draws, so {@code reader=auto} picks it. */
  boolean reads(ReadModel model);

  /**
   * Opens a reader for one edit on {@code model}.
   *
   * @param manager where the reader's arrays may live; it is closed after the reader
   */
  SceneReader open(ReadModel model, NDManager manager);

  /**
   * Readers are opened per edit with {@link #open}; a configuration alone says nothing about the model, so this
   * refuses.
   */
  @Override
  default SceneReader create(PluginConfig config) {
    throw new UnsupportedOperationException("reader '" + name() + "' is opened for a model: call "
        + "open(ReadModel, NDManager)");
  }
}
