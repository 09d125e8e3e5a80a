package dev.crossnet.examples.cli;

import dev.crossnet.api.plugin.PluginRegistry;
import dev.crossnet.api.sampler.SamplerProvider;

/** {@code crossnet samplers}: lists the sampler plugins on the class path. */
final class SamplersCommand implements Command {

  @Override
  public String name() {
    return "samplers";
  }

  @Override
  public String summary() {
    return "list the sampler plugins found on the class path";
  }

  @Override
  public int run(Options options) {
    options.rejectUnknown();
    System.out.println(PluginRegistry.discover(SamplerProvider.class, "sampler",
        "add crossnet-samplers to the class path").describe());
    return 0;
  }
}
