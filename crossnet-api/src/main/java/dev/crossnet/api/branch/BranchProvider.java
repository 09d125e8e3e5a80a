package dev.crossnet.api.branch;

import dev.crossnet.api.plugin.OptionKeys;
import dev.crossnet.api.plugin.PluginProvider;

/**
 * Contributes a {@link ConditioningBranch} under a name ("appearance", "motion", "region", ...). Register an
 * implementation in {@code META-INF/services/dev.crossnet.api.branch.BranchProvider}. Branches of one edit
 * take part in (order, name) order; an edit switches one off with the option {@code branch.<name>=false}.
 *
 * <pre>{@code
 * public final class GlowBranchProvider implements BranchProvider {
 *   public String name() { return "glow"; }
 *   public OptionKeys optionKeys() { return OptionKeys.of("radius", "strength"); }  // branch.glow.radius, ...
 *   public ConditioningBranch create(PluginConfig config) { return new GlowBranch(); }
 * }
 * }</pre>
 */
public interface BranchProvider extends PluginProvider<ConditioningBranch> {

  /**
   * The keys of the branch's own options ({@code branch.<name>.<key>}) that it reads from
   * {@link BranchContext#options()}. An edit given any other {@code branch.<name>.*} key fails before it starts,
   * naming the key and these. Declare them: the default, {@link OptionKeys#undeclared()}, accepts any key (so
   * that branches written before keys were declared keep working) and is logged as a warning.
   */
  default OptionKeys optionKeys() {
    return OptionKeys.undeclared();
  }
}
