package dev.crossnet.core.edit.branch;

import dev.crossnet.api.branch.BranchProvider;
import dev.crossnet.api.branch.ConditioningBranch;
import dev.crossnet.api.plugin.NamedProvider;
import dev.crossnet.api.plugin.OptionKeys;
import dev.crossnet.api.plugin.PluginConfig;

/**
 * A built-in branch that keeps no state between edits, so it is its own provider: the name, order and
 * description are fixed, and {@link #create} hands out the one instance (per-edit options arrive through
 * {@code BranchContext.options()}, under the keys it declares).
 */
abstract class StatelessBranch extends NamedProvider<ConditioningBranch>
    implements BranchProvider, ConditioningBranch {

  private final OptionKeys optionKeys;

  StatelessBranch(String name, int order, String description, OptionKeys optionKeys) {
    super(name, order, description);
    this.optionKeys = optionKeys;
  }

  @Override
  public final OptionKeys optionKeys() {
    return optionKeys;
  }

  @Override
  public final ConditioningBranch create(PluginConfig config) {
    return this;
  }
}
