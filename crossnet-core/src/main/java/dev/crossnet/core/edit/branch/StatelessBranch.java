package dev.crossnet.core.edit.branch;

import dev.crossnet.api.branch.BranchProvider;
import dev.crossnet.api.branch.ConditioningBranch;
import dev.crossnet.api.plugin.PluginConfig;

/**
 * A built-in branch that keeps no state between edits, so it is its own provider: the name, order and
 * description are fixed, and {@link #create} hands out the one instance (per-edit options arrive through
 * {@code BranchContext.options()}).
 */
abstract class StatelessBranch implements BranchProvider, ConditioningBranch {

  private final String name;
  private final int order;
  private final String description;

  StatelessBranch(String name, int order, String description) {
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

  @Override
  public final ConditioningBranch create(PluginConfig config) {
    return this;
  }
}
