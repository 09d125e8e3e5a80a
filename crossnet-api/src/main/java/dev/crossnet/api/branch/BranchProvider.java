package dev.crossnet.api.branch;

import dev.crossnet.api.plugin.PluginProvider;

/**
 * Contributes a {@link ConditioningBranch} under a name ("appearance", "motion", "region", ...). Register an
 * implementation in {@code META-INF/services/dev.crossnet.api.branch.BranchProvider}. Branches of one edit
 * take part in (order, name) order; an edit switches one off with the option {@code branch.<name>=false}.
 */
public interface BranchProvider extends PluginProvider<ConditioningBranch> {}
