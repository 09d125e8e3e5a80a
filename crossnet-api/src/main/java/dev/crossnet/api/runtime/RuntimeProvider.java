package dev.crossnet.api.runtime;

import dev.crossnet.api.plugin.PluginProvider;

/**
 * Contributes an {@link EditRuntime}; crossnet-core registers one in
 * {@code META-INF/services/dev.crossnet.api.runtime.RuntimeProvider}. With several on the class path, the
 * lowest {@link #order()} wins.
 */
public interface RuntimeProvider extends PluginProvider<EditRuntime> {}
