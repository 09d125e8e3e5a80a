package dev.crossnet.examples.cli;

import dev.crossnet.api.plugin.PluginRegistry;
import dev.crossnet.api.sampler.SamplerProvider;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code crossnet samplers}: lists the sampler plugins on the class path. */
@Command(name = "samplers", description = "List the sampler plugins found on the class path.")
final class SamplersCommand implements Callable<Integer> {

  @Mixin
  HelpOption help;

  @Mixin
  Verbosity verbosity;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(PluginRegistry.discover(SamplerProvider.class, "sampler",
        "add crossnet-samplers to the class path").describe());
    spec.commandLine().getOut().flush();
    return CommandLines.OK;
  }
}
