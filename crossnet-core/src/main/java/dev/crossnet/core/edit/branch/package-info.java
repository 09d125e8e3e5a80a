/**
 * CrossNet's own conditioning branches (appearance, motion, region, subject attention), registered as
 * {@link dev.crossnet.api.branch.BranchProvider} plugins and each switchable off with {@code branch.<name>=false}.
 */
package dev.crossnet.core.edit.branch;
