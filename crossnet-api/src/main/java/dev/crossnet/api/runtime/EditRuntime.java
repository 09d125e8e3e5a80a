package dev.crossnet.api.runtime;

import dev.crossnet.api.edit.EditRequest;
import dev.crossnet.api.edit.EditResult;

/**
 * Carries out edits: the diffusion runtime (crossnet-core) implements it. It must be safe to call from
 * several threads, and the same request gives the same result.
 */
public interface EditRuntime {

  EditResult edit(EditRequest request);

  /**
   * Native arrays (tensors) this runtime holds open now: the weights of the models it has loaded plus anything an
   * edit left behind, or -1 when the runtime cannot tell. Between edits the count should stay where the first
   * edit left it; a count that grows from edit to edit is a leak.
   */
  default long openArrays() {
    return -1;
  }
}
