package dev.crossnet.core.nn;

/**
 * The checkpoint names of an attention layer's projections and whether each has a bias.
 *
 * @param q query projection, e.g. {@code to_q}
 * @param k key projection
 * @param v value projection
 * @param out output projection, e.g. {@code to_out.0}
 * @param qkvBias whether q, k and v have a bias
 */
public record AttentionNames(String q, String k, String v, String out, boolean qkvBias) {

  /** diffusers' transformer blocks: to_q/to_k/to_v without bias, to_out.0 with. */
  public static final AttentionNames DIFFUSERS = new AttentionNames("to_q", "to_k", "to_v", "to_out.0", false);

  /** diffusers' VAE mid-block attention (0.25 names): every projection has a bias. */
  public static final AttentionNames DIFFUSERS_BIASED =
      new AttentionNames("to_q", "to_k", "to_v", "to_out.0", true);

  /** transformers' CLIP: q_proj/k_proj/v_proj/out_proj, all with bias. */
  public static final AttentionNames CLIP = new AttentionNames("q_proj", "k_proj", "v_proj", "out_proj", true);
}
