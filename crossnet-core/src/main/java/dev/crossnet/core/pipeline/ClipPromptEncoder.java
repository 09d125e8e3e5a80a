package dev.crossnet.core.pipeline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.core.model.clip.ClipTextModel;
import dev.crossnet.core.model.clip.ClipTextOutput;
import dev.crossnet.core.nn.GradMode;
import dev.crossnet.core.text.PromptTokenizer;
import java.util.List;

/** A tokenizer and a CLIP text model in the prompt-encoder role: prompts padded to the tokenizer's length. */
public final class ClipPromptEncoder implements PromptEncoder {

  private final PromptTokenizer tokenizer;
  private final ClipTextModel textModel;

  public ClipPromptEncoder(PromptTokenizer tokenizer, ClipTextModel textModel) {
    this.tokenizer = tokenizer;
    this.textModel = textModel;
  }

  public PromptTokenizer tokenizer() {
    return tokenizer;
  }

  @Override
  public NDArray encode(List<String> prompts, NDManager manager) {
    int length = -1;
    long[] ids = null;
    for (int i = 0; i < prompts.size(); i++) {
      int[] one = tokenizer.encode(prompts.get(i));
      if (ids == null) {
        length = one.length;
        ids = new long[prompts.size() * length];
      }
      for (int j = 0; j < length; j++) {
        ids[i * length + j] = one[j];
      }
    }
    try (GradMode off = GradMode.disabled(); NDManager scope = manager.newSubManager()) {
      NDArray idArray = scope.create(ids, new Shape(prompts.size(), length));
      ClipTextOutput out = textModel.forward(idArray);
      NDArray states = out.lastHiddenState();
      states.attach(manager);
      return states;
    }
  }
}
