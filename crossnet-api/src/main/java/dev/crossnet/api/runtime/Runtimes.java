package dev.crossnet.api.runtime;

import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.api.plugin.PluginRegistry;
import java.util.List;

/** Finds the edit runtime on the class path. */
public final class Runtimes {

  private Runtimes() {}

  /**
   * The runtime of the first provider in (order, name) order.
   *
   * @throws IllegalStateException when there is none, saying which jar to add
   */
  public static EditRuntime discover() {
    PluginRegistry<RuntimeProvider> registry =
        PluginRegistry.discover(RuntimeProvider.class, "runtime", "add crossnet-core to the class path");
    List<RuntimeProvider> providers = registry.providers();
    if (providers.isEmpty()) {
      throw new IllegalStateException("no CrossNet runtime on the class path: add the crossnet-core "
          + "artifact (dev.crossnet:crossnet-core) as a dependency"
          + (registry.failures().isEmpty() ? "" : "; providers that failed to load: " + registry.failures()));
    }
    return providers.get(0).create(PluginConfig.empty());
  }
}
