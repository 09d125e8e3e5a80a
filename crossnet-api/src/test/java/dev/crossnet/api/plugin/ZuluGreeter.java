package dev.crossnet.api.plugin;

/** Same order as {@link HelloGreeter}: the tie is broken by name. */
public final class ZuluGreeter implements GreeterProvider {
  @Override
  public String name() {
    return "zulu";
  }

  @Override
  public int order() {
    return 10;
  }

  @Override
  public String create(PluginConfig config) {
    return "zulu";
  }
}
