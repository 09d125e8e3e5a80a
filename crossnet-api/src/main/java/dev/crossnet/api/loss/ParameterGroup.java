package dev.crossnet.api.loss;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Parameters trained together: their names (in a fixed order), their optimiser options and their loss terms,
 * summed in (order, loss name) order.
 *
 * <pre>{@code
 * ParameterGroup tokens = ParameterGroup.named("subject-token")
 *     .parameters(List.of("token:<my-dog>"))
 *     .optimizer(OptimizerOptions.adamW(5e-3))
 *     .loss(LossTerm.of("reconstruction", 1.0))
 *     .build();
 * }</pre>
 */
public record ParameterGroup(String name, List<String> parameters, OptimizerOptions optimizer, List<LossTerm> losses) {

  public ParameterGroup {
    parameters = List.copyOf(parameters);
    List<LossTerm> sorted = new ArrayList<>(losses);
    sorted.sort(Comparator.comparingInt(LossTerm::order).thenComparing(LossTerm::loss));
    losses = List.copyOf(sorted);
  }

  public static Builder named(String name) {
    return new Builder(name);
  }

  /** Builds a group; required: at least one parameter, optimiser options and at least one loss. */
  public static final class Builder {
    private final String name;
    private List<String> parameters;
    private OptimizerOptions optimizer;
    private final List<LossTerm> losses = new ArrayList<>();

    private Builder(String name) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("a parameter group needs a name");
      }
      this.name = name;
    }

    /**
     * The parameters, as an ordered collection. A {@link Set} other than a {@link LinkedHashSet} is refused,
     * because its iteration order, and so the optimiser's state order, is not stable.
     */
    public Builder parameters(Collection<String> names) {
      if (names instanceof Set && !(names instanceof LinkedHashSet)) {
        throw new IllegalArgumentException("parameter group '" + name + "': parameters were given as an "
            + "unordered set; pass a List so that their order is stable");
      }
      Set<String> seen = new LinkedHashSet<>();
      for (String p : names) {
        if (!seen.add(p)) {
          throw new IllegalArgumentException("parameter group '" + name + "' lists '" + p + "' twice");
        }
      }
      this.parameters = List.copyOf(seen);
      return this;
    }

    public Builder optimizer(OptimizerOptions options) {
      this.optimizer = options;
      return this;
    }

    public Builder loss(LossTerm term) {
      for (LossTerm t : losses) {
        if (t.loss().equals(term.loss())) {
          throw new IllegalArgumentException("parameter group '" + name + "' has the loss '" + term.loss()
              + "' twice; give it one term with the summed weight");
        }
      }
      losses.add(term);
      return this;
    }

    public ParameterGroup build() {
      if (parameters == null || parameters.isEmpty()) {
        throw new IllegalStateException("parameter group '" + name + "' has no parameters; call parameters(...)");
      }
      if (optimizer == null) {
        throw new IllegalStateException("parameter group '" + name + "' has no optimizer options; call "
            + "optimizer(OptimizerOptions.adamW(learningRate))");
      }
      if (losses.isEmpty()) {
        throw new IllegalStateException("parameter group '" + name + "' has no loss; call loss(LossTerm.of(...))");
      }
      return new ParameterGroup(name, parameters, optimizer, losses);
    }
  }

  /** Checks that no parameter belongs to two groups. */
  public static List<ParameterGroup> requireDisjoint(List<ParameterGroup> groups) {
    java.util.Map<String, String> owner = new java.util.HashMap<>();
    for (ParameterGroup g : groups) {
      for (String p : g.parameters()) {
        String previous = owner.putIfAbsent(p, g.name());
        if (previous != null) {
          throw new IllegalArgumentException("parameter '" + p + "' is in two groups, '" + previous
              + "' and '" + g.name() + "'; a parameter may belong to one group only");
        }
      }
    }
    return List.copyOf(groups);
  }
}
