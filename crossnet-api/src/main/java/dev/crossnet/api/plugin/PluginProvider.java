package dev.crossnet.api.plugin;

/**
 * A named, lazily created plugin: the one pattern every CrossNet plugin family follows.
 *
 * <p>A provider is cheap to construct (it is instantiated by {@link java.util.ServiceLoader}); the work
 * happens in {@link #create(PluginConfig)}. Providers of one family are listed by {@link #order()} and then
 * by {@link #name()}, never by class-path order.
 *
 * <pre>{@code
 * public final class MySamplerProvider implements SamplerProvider {
 *   public String name() { return "my-sampler"; }
 *   public Sampler create(PluginConfig config) { return new MySampler(SchedulerConfig.from(config)); }
 * }
 * }</pre>
 *
 * @param <T> what the provider creates
 */
public interface PluginProvider<T> {

  /** A short, unique name: lower-case ASCII letters, digits and '-', starting with a letter. */
  String name();

  /** Position among the providers of the same family; lower comes first, ties broken by name. */
  default int order() {
    return 0;
  }

  /** One line for listings and error messages. */
  default String description() {
    return "";
  }

  /**
   * Creates the plugin from its configuration; bad values must be named. A branch declares the keys it reads
   * ({@code BranchProvider.optionKeys()}) so that unknown ones are refused before an edit starts.
   */
  T create(PluginConfig config);
}
