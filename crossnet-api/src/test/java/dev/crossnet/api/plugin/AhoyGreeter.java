package dev.crossnet.api.plugin;

/** A second test plugin with a lower order, which must be listed first. */
public final class AhoyGreeter implements GreeterProvider {
  @Override
  public String name() {
    return "ahoy";
  }

  @Override
  public int order() {
    return 20;
  }

  @Override
  public String create(PluginConfig config) {
    return "ahoy";
  }
}
