package dev.crossnet.api.plugin;

/**
 * A provider whose name, order and description are fixed when it is constructed: the convenient base for a
 * plugin of any family, which then only writes {@link #create(PluginConfig)}.
 *
 * <pre>{@code
 * public final class MySamplerProvider extends NamedProvider<Sampler> implements SamplerProvider {
 *   public MySamplerProvider() { super("my-sampler", 50, "what it does, in one line"); }
 *   public Sampler create(PluginConfig config) { return new MySampler(config); }
 * }
 * }</pre>
 *
 * @param <T> what the provider creates
 */
public abstract class NamedProvider<T> implements PluginProvider<T> {

  private final String name;
  private final int order;
  private final String description;

  protected NamedProvider(String name, int order, String description) {
    this.name = name;
    this.order = order;
    this.description = description;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final int order() {
    return order;
  }

  @Override
  public final String description() {
    return description;
  }
}
