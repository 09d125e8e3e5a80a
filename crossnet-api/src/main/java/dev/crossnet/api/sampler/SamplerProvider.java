package dev.crossnet.api.sampler;

import dev.crossnet.api.plugin.PluginProvider;

/**
 * Contributes a {@link Sampler} under a name ("ddim", "euler", ...). Register an implementation in
 * {@code META-INF/services/dev.crossnet.api.sampler.SamplerProvider}.
 */
public interface SamplerProvider extends PluginProvider<Sampler> {}
