package dev.crossnet.core.edit;

import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.api.runtime.EditRuntime;
import dev.crossnet.api.runtime.RuntimeProvider;

/** Registers {@link DiffusionEditRuntime} as CrossNet's runtime; every runtime it creates shares one model cache. */
public final class DiffusionRuntimeProvider implements RuntimeProvider {

  private static final class Shared {
    static final DiffusionEditRuntime RUNTIME = new DiffusionEditRuntime(new ModelCache());
  }

  @Override
  public String name() {
    return "diffusion";
  }

  @Override
  public String description() {
    return "diffusion-based editing on DJL/PyTorch (crossnet-core)";
  }

  @Override
  public EditRuntime create(PluginConfig config) {
    return Shared.RUNTIME;
  }
}
