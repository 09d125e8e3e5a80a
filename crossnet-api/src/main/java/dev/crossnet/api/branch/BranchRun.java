package dev.crossnet.api.branch;

import ai.djl.ndarray.NDArray;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A branch's part in one edit. Every hook has a neutral default, so a branch overrides only what it does.
 * Arrays a hook returns live in the manager of the array it was given.
 */
public interface BranchRun extends AutoCloseable {

  /** May replace the latent the loop starts from (e.g. the bedrock's inverted or forward-noised latent). */
  default NDArray initialLatent(StepView step, NDArray latent) {
    return latent;
  }

  /**
   * The strength (above 0, at most 1) the branch needs the loop to start from, when more than the edit's own: e.g.
   * the motion branch's, for a region whose occupant must be redrawn from more noise than the rest of the edit. The
   * loop starts from the largest strength asked; {@link BranchContext#startIndex()} keeps the edit's own start and
   * {@link StepView#startIndex()} tells where the loop started. A branch that asks serves {@link #initialLatent} at
   * that start. Asked once, after every branch has started; empty by default.
   */
  default OptionalDouble strength() {
    return OptionalDouble.empty();
  }

  /** Adjusts the sample after a sampler step (e.g. known-region merge, low-frequency guidance). */
  default NDArray afterStep(StepView step, NDArray latent) {
    return latent;
  }

  /**
   * Learned input embeddings for subject words of the prompt (textual inversion), each [tokens, width of the
   * text encoder's embedding]: the runtime spells the word as that many tokens whose embeddings are these
   * rows. Empty when the branch learns no words.
   */
  default Map<String, NDArray> wordEmbeddings() {
    return Map.of();
  }

  /**
   * Words the branch places in the prompt right after a subject's word, keyed by that word: e.g. the motion
   * branch's reading of the occupant's pose ({@code "waving"}), so the text asks for the pose the latent carries.
   * Empty when the branch adds no words.
   */
  default Map<String, String> wordsAfterSubject() {
    return Map.of();
  }

  /**
   * Words the branch places in the prompt right before a subject's word, keyed by that word, unless the prompt
   * already puts a determiner there (such as "a", "the" or "two"): e.g. the article that an image encoder's rows
   * follow in the captions the model learned from ({@code "a"}). Empty when the branch adds no words.
   */
  default Map<String, String> wordsBeforeSubject() {
    return Map.of();
  }

  /** Controls the network's attention layers during this edit, when the branch needs to. */
  default Optional<AttentionControl> attention() {
    return Optional.empty();
  }

  /** Releases what {@link ConditioningBranch#start(BranchContext)} prepared. */
  @Override
  default void close() {}
}
