package dev.crossnet.api.plugin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one registry for every plugin family: providers found through {@link ServiceLoader} (on the context
 * class loader and on the interface's own loader) or added explicitly, listed by (order, name), looked up by
 * name. Two providers with one name are an error naming both classes; a provider that fails to load is
 * logged and reported by {@link #failures()} rather than hiding the others.
 *
 * @param <P> the provider type of the family
 */
public final class PluginRegistry<P extends PluginProvider<?>> {

  private static final Logger LOG = LoggerFactory.getLogger(PluginRegistry.class);
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,63}");

  private final String family;
  private final String hint;
  private final Map<String, P> byName;
  private final List<String> failures;

  private PluginRegistry(String family, String hint, List<P> providers, List<String> failures) {
    this.family = family;
    this.hint = hint;
    this.failures = List.copyOf(failures);
    List<P> sorted = new ArrayList<>(providers);
    sorted.sort(Comparator.<P>comparingInt(PluginProvider::order).thenComparing(PluginProvider::name));
    Map<String, P> map = new LinkedHashMap<>();
    for (P p : sorted) {
      String name = p.name();
      if (name == null || !NAME.matcher(name).matches()) {
        throw new IllegalStateException(family + " provider " + p.getClass().getName() + " has the name '"
            + name + "'; a plugin name must match " + NAME.pattern());
      }
      P previous = map.putIfAbsent(name, p);
      if (previous != null && previous.getClass() != p.getClass()) {
        throw new IllegalStateException("two " + family + " providers are named '" + name + "': "
            + previous.getClass().getName() + " and " + p.getClass().getName()
            + "; remove one of the jars or rename one provider");
      }
    }
    this.byName = map;
  }

  /**
   * Discovers the providers of a family on the class path.
   *
   * @param type the provider interface
   * @param family a human name for the family, e.g. "sampler"
   * @param hint what to do when a name is missing, e.g. "add crossnet-samplers to the class path"
   */
  public static <P extends PluginProvider<?>> PluginRegistry<P> discover(Class<P> type, String family,
      String hint) {
    List<P> found = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    Set<Class<?>> seen = new LinkedHashSet<>();
    Set<ClassLoader> loaders = new LinkedHashSet<>();
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    if (context != null) {
      loaders.add(context);
    }
    if (type.getClassLoader() != null) {
      loaders.add(type.getClassLoader());
    }
    for (ClassLoader loader : loaders) {
      Iterator<P> it = ServiceLoader.load(type, loader).iterator();
      while (true) {
        try {
          if (!it.hasNext()) {
            break;
          }
          P provider = it.next();
          if (seen.add(provider.getClass())) {
            found.add(provider);
          }
        } catch (ServiceConfigurationError e) {
          String msg = family + " provider failed to load: " + e.getMessage();
          LOG.warn(msg, e);
          failures.add(msg);
        }
      }
    }
    return new PluginRegistry<>(family, hint, found, failures);
  }

  /** A registry of exactly these providers (tests, or applications that switch discovery off). */
  @SafeVarargs
  public static <P extends PluginProvider<?>> PluginRegistry<P> of(String family, P... providers) {
    return new PluginRegistry<>(family, "", List.of(providers), List.of());
  }

  /** This registry plus more providers, e.g. ones an application registers by hand. */
  @SafeVarargs
  public final PluginRegistry<P> with(P... more) {
    List<P> all = new ArrayList<>(byName.values());
    all.addAll(List.of(more));
    return new PluginRegistry<>(family, hint, all, failures);
  }

  public String family() {
    return family;
  }

  /** The providers in (order, name) order. */
  public List<P> providers() {
    return List.copyOf(byName.values());
  }

  /** The names in (order, name) order. */
  public List<String> names() {
    return List.copyOf(byName.keySet());
  }

  public Optional<P> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The provider of that name, or an {@link UnknownPluginException} listing the names that exist. */
  public P get(String name) {
    P p = byName.get(name);
    if (p == null) {
      List<String> sortedNames = new ArrayList<>(byName.keySet());
      sortedNames.sort(null);
      throw new UnknownPluginException(family, name, sortedNames, hint);
    }
    return p;
  }

  /** Messages of providers that were declared but could not be loaded. */
  public List<String> failures() {
    return failures;
  }

  /** A multi-line description of every provider and every failure, for diagnosing set-ups. */
  public String describe() {
    StringBuilder sb = new StringBuilder(family).append(" plugins:\n");
    for (P p : byName.values()) {
      sb.append("  ").append(p.name()).append(" (order ").append(p.order()).append(", ")
          .append(p.getClass().getName()).append(")");
      if (!p.description().isEmpty()) {
        sb.append(": ").append(p.description());
      }
      sb.append('\n');
    }
    for (String f : failures) {
      sb.append("  FAILED: ").append(f).append('\n');
    }
    return sb.toString();
  }
}
