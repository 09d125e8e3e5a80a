package dev.crossnet.core.edit;

import dev.crossnet.api.branch.BranchRun;
import java.util.Map;

/** A branch run that reports the settings it resolved (defaults included), for the edit's record. */
public interface RecordedRun extends BranchRun {

  /** Resolved settings by key, e.g. {@code "steps" -> "100"}; the runtime prefixes them with the branch name. */
  Map<String, String> record();
}
