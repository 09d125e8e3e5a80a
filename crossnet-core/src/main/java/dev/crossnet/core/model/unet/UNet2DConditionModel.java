package dev.crossnet.core.model.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.crossnet.core.model.ModelFolder;
import dev.crossnet.core.model.WeightsOpener;
import dev.crossnet.core.nn.Activations;
import dev.crossnet.core.nn.AttentionHook;
import dev.crossnet.core.nn.Conv2d;
import dev.crossnet.core.nn.GroupNorm;
import dev.crossnet.core.nn.Module;
import dev.crossnet.core.nn.ParameterSource;
import dev.crossnet.core.nn.Scope;
import dev.crossnet.core.nn.TimestepEmbedding;
import dev.crossnet.core.nn.Timesteps;
import dev.crossnet.core.weights.TensorStore;
import dev.crossnet.core.weights.WeightBinder;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * diffusers' {@code UNet2DConditionModel}: predicts the noise (or v) of latents at a timestep given text
 * hidden states. Parameters carry diffusers' names ({@link #namedParameters()}), so checkpoints load and
 * save without renaming.
 *
 * <pre>{@code
 * try (NDManager m = NDManager.newBaseManager()) {
 *   UNet2DConditionModel unet = UNet2DConditionModel.load(Path.of("sd15/unet"), m);
 *   NDArray eps = unet.forward(latents, timesteps, textHiddenStates);        // no hook
 *   NDArray eps2 = unet.forward(latents, timesteps, textHiddenStates, hook); // hook sees every attention
 *   IpAdapter ip = IpAdapter.load(Path.of("ip-adapter_sd15.safetensors"), unet, m);   // optional
 *   NDArray eps3 = unet.forward(latents, timesteps, textHiddenStates, AttentionHook.NONE,
 *       new ImagePrompt(ip, ip.project(imageEmbeds), 0.7f));              // with an image prompt
 * }
 * }</pre>
 */
public final class UNet2DConditionModel extends Module {

  private final UNetConfig config;
  private final Timesteps timeProj;
  private final TimestepEmbedding timeEmbedding;
  private final Conv2d convIn;
  private final List<DownBlock> downBlocks = new ArrayList<>();
  private final MidBlock midBlock;
  private final List<UpBlock> upBlocks = new ArrayList<>();
  private final GroupNorm convNormOut;
  private final Conv2d convOut;

  /** Builds the model, taking every weight from the source by its diffusers name. */
  public UNet2DConditionModel(UNetConfig c, ParameterSource source) {
    super("");
    this.config = c;
    int[] ch = c.blockOutChannels();
    int n = c.levels();
    timeProj = new Timesteps(ch[0], c.flipSinToCos(), c.freqShift());
    timeEmbedding = child(new TimestepEmbedding(source, "time_embedding", ch[0], c.timeEmbedDim()));
    convIn = child(Conv2d.same(source, "conv_in", c.inChannels(), ch[0], c.convInKernel()));
    int out = ch[0];
    for (int i = 0; i < n; i++) {
      int in = out;
      out = ch[i];
      boolean cross = c.downBlockTypes().get(i).startsWith("CrossAttn");
      downBlocks.add(child(new DownBlock(source, "down_blocks." + i, c, i, in, cross, i < n - 1)));
    }
    midBlock = child(new MidBlock(source, "mid_block", c));
    for (int i = 0; i < n; i++) {
      int prevOut = ch[n - 1 - Math.max(0, i - 1)];
      int skipIn = ch[n - 1 - Math.min(i + 1, n - 1)];
      boolean cross = c.upBlockTypes().get(i).startsWith("CrossAttn");
      upBlocks.add(child(new UpBlock(source, "up_blocks." + i, c, i, prevOut, skipIn, cross, i < n - 1)));
    }
    convNormOut = child(new GroupNorm(source, "conv_norm_out", c.normNumGroups(), ch[0], c.normEps()));
    convOut = child(Conv2d.same(source, "conv_out", ch[0], c.outChannels(), c.convOutKernel()));
  }

  /**
   * Builds the model from a checkpoint, failing with every missing, mis-shaped and unused tensor named
   * (see {@link WeightBinder#finish()}). Weights live in the manager.
   */
  public static UNet2DConditionModel create(UNetConfig config, TensorStore store, NDManager manager) {
    return ModelFolder.bind(store, manager, source -> new UNet2DConditionModel(config, source));
  }

  /** Loads a diffusers {@code unet} folder ({@code config.json} and the safetensors weights). */
  public static UNet2DConditionModel load(Path folder, NDManager manager) {
    return load(folder, WeightsOpener.IN_MEMORY, manager);
  }

  /**
   * As {@link #load(Path, NDManager)}, reading the weights file with the given opener: a memory-mapped
   * safetensors store lifts the in-memory reader's 2 GiB limit (SD 1.5's float32 UNet is 3.4 GB).
   */
  public static UNet2DConditionModel load(Path folder, WeightsOpener opener, NDManager manager) {
    return new ModelFolder(folder).load(UNetConfig::from, UNet2DConditionModel::create, opener, manager);
  }

  public UNetConfig config() {
    return config;
  }

  /** The prediction for sample [B, in, H, W] at timesteps ([B] or one) given text [B, T, cross]. */
  public NDArray forward(NDArray sample, NDArray timesteps, NDArray encoderHiddenStates) {
    return forward(sample, timesteps, encoderHiddenStates, AttentionHook.NONE);
  }

  /** As {@link #forward(NDArray, NDArray, NDArray)} with a hook into every attention layer of this pass. */
  public NDArray forward(NDArray sample, NDArray timesteps, NDArray encoderHiddenStates, AttentionHook hook) {
    AttentionHook.requireHook(hook);
    return run(sample, timesteps, encoderHiddenStates, null, hook);
  }

  /**
   * As {@link #forward(NDArray, NDArray, NDArray, AttentionHook)} with an IP-Adapter image prompt: every
   * cross-attention adds {@code scale * attn(q, to_k_ip(tokens), to_v_ip(tokens))} to its text attention
   * before the output projection. The image tokens come beside the text, not appended to it. The hook sees
   * the image part through {@link AttentionHook#imageKeysValues} and {@link AttentionHook#imageWeight}.
   *
   * @param image the adapter (loaded for this UNet), the projected image tokens [B or 1, tokens, cross] and
   *     the scale
   */
  public NDArray forward(NDArray sample, NDArray timesteps, NDArray encoderHiddenStates, AttentionHook hook,
      ImagePrompt image) {
    AttentionHook.requireHook(hook);
    if (image == null) {
      throw new IllegalArgumentException("image prompt is null; call forward(sample, timesteps, text, hook) for"
          + " a text-only pass");
    }
    if (!image.adapter().fits(this)) {
      throw new IllegalArgumentException("the IP-Adapter was loaded for another UNet: its layers "
          + image.adapter().keyIds().values() + " are not this UNet's cross-attention layers; load it with"
          + " IpAdapter.load(file, thisUnet, manager)");
    }
    long batch = sample.getShape().get(0);
    long tokenBatch = image.tokens().getShape().get(0);
    if (tokenBatch != batch && tokenBatch != 1) {
      throw new IllegalArgumentException("image prompt tokens " + image.tokens().getShape() + " have batch "
          + tokenBatch + " but the sample has batch " + batch + "; pass one set per sample or one for all");
    }
    return run(sample, timesteps, encoderHiddenStates, image, hook);
  }

  private NDArray run(NDArray sample, NDArray timesteps, NDArray encoderHiddenStates, ImagePrompt image,
      AttentionHook hook) {
    try (Scope s = Scope.of(sample, timesteps, encoderHiddenStates, image == null ? null : image.tokens())) {
      long batch = sample.getShape().get(0);
      NDArray t = timesteps.toType(DataType.FLOAT32, false).reshape(-1);
      if (t.getShape().get(0) == 1 && batch > 1) {
        t = t.repeat(0, batch);
      }
      NDArray temb = timeEmbedding.forward(timeProj.forward(t));
      NDArray x = config.centerInputSample() ? sample.mul(2).sub(1) : sample;
      x = convIn.forward(x);
      Deque<NDArray> skips = new ArrayDeque<>();
      skips.addLast(x);
      for (DownBlock block : downBlocks) {
        x = block.forward(x, temb, encoderHiddenStates, image, skips, hook);
      }
      x = midBlock.forward(x, temb, encoderHiddenStates, image, hook);
      for (UpBlock block : upBlocks) {
        x = block.forward(x, temb, encoderHiddenStates, image, skips, hook);
      }
      x = convOut.forward(Activations.silu(convNormOut.forward(x)));
      return s.keep(x);
    }
  }

  /**
   * Multiply-accumulates of one forward pass for one sample of h x w latents and the given number of text
   * tokens: convolutions and matrix products only (norms and activations are a small remainder).
   */
  public long macs(long h, long w, long textTokens) {
    long sum = h * w * (convIn.macsPerPixel() + convOut.macsPerPixel());
    long ch0 = config.blockOutChannels()[0];
    sum += ch0 * config.timeEmbedDim() + (long) config.timeEmbedDim() * config.timeEmbedDim();
    long hh = h;
    long ww = w;
    for (int i = 0; i < downBlocks.size(); i++) {
      sum += downBlocks.get(i).macs(hh, ww, textTokens);
      if (i < downBlocks.size() - 1) {
        hh = (hh + 1) / 2;
        ww = (ww + 1) / 2;
      }
    }
    sum += midBlock.macs(hh, ww, textTokens);
    for (int i = 0; i < upBlocks.size(); i++) {
      sum += upBlocks.get(i).macs(hh, ww, textTokens);
      if (i < upBlocks.size() - 1) {
        hh *= 2;
        ww *= 2;
      }
    }
    return sum;
  }
}
