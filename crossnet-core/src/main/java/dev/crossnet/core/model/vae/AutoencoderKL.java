package dev.crossnet.core.model.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.crossnet.core.model.ModelFolder;
import dev.crossnet.core.model.WeightsOpener;
import dev.crossnet.core.model.RenamingTensorStore;
import dev.crossnet.core.nn.AttentionHook;
import dev.crossnet.core.nn.Conv2d;
import dev.crossnet.core.nn.Module;
import dev.crossnet.core.nn.ParameterSource;
import dev.crossnet.core.nn.Scope;
import dev.crossnet.core.weights.TensorStore;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * diffusers' {@code AutoencoderKL}. Images are [B, 3, H, W] in [-1, 1]; latents are unscaled (see
 * {@link #scalingFactor()}).
 *
 * <pre>{@code
 * Optional<AutoencoderKL> vae = AutoencoderKL.loadIfPresent(modelDir.resolve("vae"), manager); // empty: pixel space
 * LatentDistribution d = vae.get().encode(image);
 * NDArray pixels = vae.get().decode(d.mean());
 * }</pre>
 */
public final class AutoencoderKL extends Module {

  private static final Pattern LEGACY_ATTENTION =
      Pattern.compile("(.*mid_block\\.attentions\\.\\d+\\.)(query|key|value|proj_attn)(\\.(?:weight|bias))");

  private final VaeConfig config;
  private final VaeEncoder encoder;
  private final Conv2d quantConv;
  private final Conv2d postQuantConv;
  private final VaeDecoder decoder;

  public AutoencoderKL(VaeConfig c, ParameterSource source) {
    super("");
    this.config = c;
    int l = c.latentChannels();
    encoder = child(new VaeEncoder(source, "encoder", c));
    quantConv = c.quantConv() ? child(new Conv2d(source, "quant_conv", 2L * l, 2L * l, 1, 1, 0)) : null;
    postQuantConv = c.postQuantConv() ? child(new Conv2d(source, "post_quant_conv", l, l, 1, 1, 0)) : null;
    decoder = child(new VaeDecoder(source, "decoder", c));
  }

  /**
   * Builds from a checkpoint, reporting every missing, mis-shaped and unused tensor. Checkpoints saved
   * before diffusers 0.14 name the mid-block attention {@code query/key/value/proj_attn}; they are read
   * under the current names ({@code to_q/to_k/to_v/to_out.0}), as diffusers does.
   */
  public static AutoencoderKL create(VaeConfig config, TensorStore store, NDManager manager) {
    return ModelFolder.bind(new RenamingTensorStore(store, AutoencoderKL::currentName), manager,
        source -> new AutoencoderKL(config, source));
  }

  /** Loads a diffusers {@code vae} folder. */
  public static AutoencoderKL load(Path folder, NDManager manager) {
    return load(folder, WeightsOpener.IN_MEMORY, manager);
  }

  /**
   * As {@link #load(Path, NDManager)}, reading the weights file with the given opener: a memory-mapped
   * safetensors store lifts the in-memory reader's 2 GiB limit (SD 1.5's float32 UNet is 3.4 GB).
   */
  public static AutoencoderKL load(Path folder, WeightsOpener opener, NDManager manager) {
    return new ModelFolder(folder).load(VaeConfig::from, AutoencoderKL::create, opener, manager);
  }

  /** The VAE of a folder, or empty when the folder has no config (a pixel-space model). */
  public static Optional<AutoencoderKL> loadIfPresent(Path folder, NDManager manager) {
    return ModelFolder.exists(folder) ? Optional.of(load(folder, manager)) : Optional.empty();
  }

  /** The current diffusers name of a possibly pre-0.14 VAE tensor name. */
  static String currentName(String name) {
    Matcher m = LEGACY_ATTENTION.matcher(name);
    if (!m.matches()) {
      return name;
    }
    String current = switch (m.group(2)) {
      case "query" -> "to_q";
      case "key" -> "to_k";
      case "value" -> "to_v";
      default -> "to_out.0";
    };
    return m.group(1) + current + m.group(3);
  }

  public VaeConfig config() {
    return config;
  }

  /** The factor latents are multiplied by before diffusion (and divided by before decoding). */
  public float scalingFactor() {
    return config.scalingFactor();
  }

  public LatentDistribution encode(NDArray image) {
    return encode(image, AttentionHook.NONE);
  }

  /** The latent distribution of images [B, in, H, W]; outputs live in the image's manager. */
  public LatentDistribution encode(NDArray image, AttentionHook hook) {
    AttentionHook.requireHook(hook);
    try (Scope s = Scope.of(image)) {
      NDArray moments = encoder.forward(image, hook);
      if (quantConv != null) {
        moments = quantConv.forward(moments);
      }
      NDList halves = moments.split(2, 1);
      NDArray logvar = halves.get(1).clip(-30f, 20f);
      return new LatentDistribution(s.keep(halves.get(0)), s.keep(logvar));
    }
  }

  public NDArray decode(NDArray latents) {
    return decode(latents, AttentionHook.NONE);
  }

  /** Pixels [B, out, H, W] of unscaled latents; the output lives in the latents' manager. */
  public NDArray decode(NDArray latents, AttentionHook hook) {
    AttentionHook.requireHook(hook);
    try (Scope s = Scope.of(latents)) {
      NDArray z = postQuantConv == null ? latents : postQuantConv.forward(latents);
      return s.keep(decoder.forward(z, hook));
    }
  }
}
