package dev.crossnet.api.runtime;

import dev.crossnet.api.edit.EditRequest;
import dev.crossnet.api.edit.EditResult;

/**
 * Carries out edits: the diffusion runtime (crossnet-core) implements it. It must be safe to call from
 * several threads, and the same request gives the same result.
 */
public interface EditRuntime {

  EditResult edit(EditRequest request);
}
