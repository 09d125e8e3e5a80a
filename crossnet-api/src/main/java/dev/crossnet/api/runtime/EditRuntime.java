package dev.crossnet.api.runtime;

import dev.crossnet.api.edit.EditRequest;
import dev.crossnet.api.edit.EditResult;
import dev.crossnet.api.edit.VideoEditRequest;
import dev.crossnet.api.edit.VideoEditResult;

/**
 * Carries out edits: the diffusion runtime (crossnet-core) implements it. It must be safe to call from
 * several threads, and the same request gives the same result.
 */
public interface EditRuntime {

  EditResult edit(EditRequest request);

  /**
   * Edits every frame of a clip. The default refuses: a runtime that edits only pictures says so.
   *
   * @throws UnsupportedOperationException when this runtime cannot edit videos
   */
  default VideoEditResult editVideo(VideoEditRequest request) {
    throw new UnsupportedOperationException(getClass().getName() + " edits pictures only; edit videos with "
        + "CrossNet's diffusion runtime (crossnet-core)");
  }

  /**
   * Native arrays (tensors) this runtime holds open now: the weights of the models it has loaded plus anything an
   * edit left behind, or -1 when the runtime cannot tell. Between edits the count should stay where the first
   * edit left it; a count that grows from edit to edit is a leak.
   */
  default long openArrays() {
    return -1;
  }
}
