package dev.crossnet.api.edit;

import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.api.sampler.Sampler;
import dev.crossnet.api.sampler.SamplerProvider;

/**
 * A sampler plugin living outside the samplers module, found through META-INF/services like any third-party
 * plugin. The editor's checks only need its name.
 */
public final class TestSamplerProvider implements SamplerProvider {
  @Override
  public String name() {
    return "test-sampler";
  }

  @Override
  public Sampler create(PluginConfig config) {
    throw new UnsupportedOperationException("test fixture: only the name of this sampler is used");
  }
}
