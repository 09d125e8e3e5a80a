package dev.crossnet.core.edit;

import ai.djl.ndarray.NDManager;
import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.api.plugin.PluginRegistry;
import dev.crossnet.api.reading.ReadModel;
import dev.crossnet.api.reading.ReaderProvider;
import dev.crossnet.api.reading.SceneReader;
import java.util.Optional;

/**
 * The reader of one edit, chosen by the edit option {@code reader} and opened on first use: {@code auto} (the
 * default) is the first provider, by (order, name), that reads the edit's model; a provider's name is that one,
 * whatever the model; {@code none} is no reader. Closed with the edit.
 */
public final class EditReader implements AutoCloseable {

  /** The edit option that picks the reader. */
  public static final String OPTION = "reader";

  private final Optional<ReaderProvider> provider;
  private final ReadModel model;
  private final NDManager manager;
  private SceneReader reader;

  private EditReader(Optional<ReaderProvider> provider, ReadModel model, NDManager manager) {
    this.provider = provider;
    this.model = model;
    this.manager = manager;
  }

  /**
   * The reader the edit's options pick for {@code model}, not opened yet.
   *
   * @param manager the reader's arrays live in it (or its children)
   * @throws dev.crossnet.api.plugin.UnknownPluginException when {@code reader} names no provider
   */
  public static EditReader choose(PluginRegistry<ReaderProvider> readers, PluginConfig editOptions, ReadModel model,
      NDManager manager) {
    String value = editOptions.getString(OPTION, "auto");
    Optional<ReaderProvider> chosen = switch (value) {
      case "none" -> Optional.empty();
      case "auto" -> readers.providers().stream().filter(p -> p.reads(model)).findFirst();
      default -> Optional.of(readers.get(value));
    };
    return new EditReader(chosen, model, manager);
  }

  /** Whether the edit has a reader (without opening it). */
  public boolean present() {
    return provider.isPresent();
  }

  /** The chosen provider's name, or "none". */
  public String name() {
    return provider.map(ReaderProvider::name).orElse("none");
  }

  /**
   * The reader, opened on the first call.
   *
   * @param needs what asks for a reading, for the error when there is no reader, e.g. "branch.motion.pose=read"
   * @throws IllegalArgumentException when the edit has no reader
   */
  public SceneReader get(String needs) {
    if (provider.isEmpty()) {
      throw new IllegalArgumentException(needs + " needs a reader of the edit's pictures, but none reads this model "
          + "(reader=auto finds none, or reader=none); name one with the edit option reader=<name>, or switch "
          + "the reading off");
    }
    if (reader == null) {
      reader = provider.get().open(model, manager);
    }
    return reader;
  }

  @Override
  public void close() {
    if (reader != null) {
      reader.close();
      reader = null;
    }
  }
}
