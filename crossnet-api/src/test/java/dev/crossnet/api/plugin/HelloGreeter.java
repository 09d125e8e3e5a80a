package dev.crossnet.api.plugin;

/** A test plugin registered through META-INF/services, as a plugin outside the repo would be. */
public final class HelloGreeter implements GreeterProvider {
  @Override
  public String name() {
    return "hello";
  }

  @Override
  public int order() {
    return 10;
  }

  @Override
  public String create(PluginConfig config) {
    return "hello " + config.getString("who", "world");
  }
}
