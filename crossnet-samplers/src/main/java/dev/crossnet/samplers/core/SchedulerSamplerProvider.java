package dev.crossnet.samplers.core;

import dev.crossnet.api.plugin.NamedProvider;
import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.api.sampler.Sampler;
import dev.crossnet.api.sampler.SamplerProvider;
import dev.crossnet.samplers.config.SchedulerConfig;
import java.util.function.Function;

/**
 * Base of this module's sampler plugins: a name, an order, a description and a sampler made from diffusers'
 * scheduler settings ({@link SchedulerConfig}) read with one scheduler's defaults. A plugin outside this module
 * implements {@link SamplerProvider} directly.
 *
 * <pre>{@code
 * public final class DdimSamplerProvider extends SchedulerSamplerProvider {
 *   public DdimSamplerProvider() {
 *     super("ddim", 20, "DDIM with eta, as diffusers' DDIMScheduler", SchedulerConfig.Defaults.DDIM, DdimSampler::new);
 *   }
 * }
 * }</pre>
 */
public abstract class SchedulerSamplerProvider extends NamedProvider<Sampler> implements SamplerProvider {

  private final SchedulerConfig.Defaults defaults;
  private final Function<SchedulerConfig, Sampler> sampler;

  protected SchedulerSamplerProvider(String name, int order, String description,
      SchedulerConfig.Defaults defaults, Function<SchedulerConfig, Sampler> sampler) {
    super(name, order, description);
    this.defaults = defaults;
    this.sampler = sampler;
  }

  @Override
  public Sampler create(PluginConfig config) {
    return sampler.apply(SchedulerConfig.from(config, defaults));
  }
}
