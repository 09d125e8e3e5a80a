package dev.crossnet.core.pipeline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;

/** Text to the states a denoiser's cross-attention reads: a tokenizer and a text encoder together. */
public interface PromptEncoder {

  /** [prompts.size(), L, D] states, created in {@code manager}. */
  NDArray encode(List<String> prompts, NDManager manager);
}
