package dev.crossnet.core.edit;

import dev.crossnet.api.branch.BranchProvider;
import dev.crossnet.api.plugin.OptionKeys;
import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.api.plugin.PluginRegistry;
import dev.crossnet.api.plugin.Spelling;
import dev.crossnet.api.plugin.UnknownOptionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses an edit option that nothing reads, before the edit starts. The edit itself reads {@code reader} (which
 * reader reads its pictures: {@link EditReader}), {@code subjects} (every subject in one edit or one edit per
 * subject: {@link OneSubjectAtATime}), {@code candidates} (several seeds, the result most like the subjects kept:
 * {@link BestOfCandidates}) and branch options: {@code branch.<name>} (true or false)
 * switches a branch on or off, and {@code branch.<name>.<key>} is one of the keys that branch's provider declares
 * ({@link BranchProvider#optionKeys()}). Any other key fails with an {@link UnknownOptionException} that names it,
 * the branch (or the edit), the closest known key and all known ones. A branch that declares no keys accepts any,
 * with a warning.
 */
public final class EditOptionCheck {

  private static final Logger LOG = LoggerFactory.getLogger(EditOptionCheck.class);
  private static final String BRANCH = "branch.";

  private final PluginRegistry<BranchProvider> branches;

  public EditOptionCheck(PluginRegistry<BranchProvider> branches) {
    this.branches = branches;
  }

  /** A check against the branches on the class path. */
  public static EditOptionCheck discover() {
    return new EditOptionCheck(
        PluginRegistry.discover(BranchProvider.class, "branch", "add crossnet-core to the class path"));
  }

  /** Checks every key of an edit's options; the first unknown one fails. */
  public void check(PluginConfig editOptions) {
    editOptions.asMap().keySet().forEach(this::check);
  }

  /** Checks one edit option key. */
  public void check(String key) {
    if (key.equals(EditReader.OPTION) || key.equals(OneSubjectAtATime.OPTION)
        || key.equals(BestOfCandidates.OPTION) || key.equals(BestOfCandidates.BY)) {
      return;
    }
    String rest = key.startsWith(BRANCH) ? key.substring(BRANCH.length()) : "";
    int dot = rest.indexOf('.');
    String name = dot < 0 ? rest : rest.substring(0, dot);
    Optional<BranchProvider> branch = branches.find(name);
    if (branch.isEmpty()) {
      throw unknownToTheEdit(key);
    }
    if (dot < 0) {
      return;
    }
    String own = rest.substring(dot + 1);
    OptionKeys keys = branch.get().optionKeys();
    if (!keys.isDeclared()) {
      LOG.warn("branch '{}' ({}) does not declare its option keys (BranchProvider.optionKeys()), so '{}' is not "
          + "checked", name, branch.get().getClass().getName(), key);
      return;
    }
    if (!keys.accepts(own)) {
      String prefix = BRANCH + name + ".";
      throw new UnknownOptionException(key, "branch '" + name + "'", new ArrayList<>(keys.keys()),
          Spelling.closest(own, keys.keys()).map(k -> prefix + k).orElse(null));
    }
  }

  private UnknownOptionException unknownToTheEdit(String key) {
    List<String> switches = new ArrayList<>(List.of(EditReader.OPTION, OneSubjectAtATime.OPTION,
        BestOfCandidates.OPTION + "[.by]"));
    List<String> every = new ArrayList<>(List.of(EditReader.OPTION, OneSubjectAtATime.OPTION,
        BestOfCandidates.OPTION, BestOfCandidates.BY));
    for (BranchProvider p : branches.providers()) {
      String prefix = BRANCH + p.name();
      switches.add(prefix + "[.<key>]");
      every.add(prefix);
      p.optionKeys().keys().forEach(k -> every.add(prefix + "." + k));
    }
    return new UnknownOptionException(key, "the edit", switches, Spelling.closest(key, every).orElse(null));
  }
}
