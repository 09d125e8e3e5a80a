package dev.crossnet.api.plugin;

/** A plugin family that exists only in the tests, to show that any family works the same way. */
public interface GreeterProvider extends PluginProvider<String> {}
