package dev.crossnet.core.pipeline;

import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.api.progress.Cancellation;
import dev.crossnet.api.progress.ProgressListener;
import java.util.Objects;

/**
 * A text-to-image run.
 *
 * @param prompt what to draw
 * @param negativePrompt the unconditional side of guidance ("" for the empty prompt)
 * @param width picture width, a multiple of the codec's downscale factor
 * @param height picture height
 * @param sampler sampler plugin name
 * @param samplerOverrides settings that override the model's scheduler config (e.g. eta)
 * @param steps denoising steps
 * @param guidanceScale classifier-free guidance scale (1: off)
 * @param seed noise seed
 * @param progress progress receiver
 * @param cancellation checked between steps
 */
public record TextToImageRequest(String prompt, String negativePrompt, int width, int height, String sampler,
    PluginConfig samplerOverrides, int steps, double guidanceScale, long seed, ProgressListener progress,
    Cancellation cancellation) {

  public TextToImageRequest {
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(negativePrompt, "negative prompt");
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("picture size must be positive, got " + width + "x" + height);
    }
    if (steps <= 0) {
      throw new IllegalArgumentException("steps must be at least 1, got " + steps);
    }
  }

  /** A request with the usual defaults: 64x64, DDIM, 50 steps, guidance 5, seed 0. */
  public static TextToImageRequest of(String prompt) {
    return new TextToImageRequest(prompt, "", 64, 64, "ddim", PluginConfig.empty(), 50, 5.0, 0L,
        ProgressListener.NONE, Cancellation.never());
  }

  public TextToImageRequest withSize(int w, int h) {
    return new TextToImageRequest(prompt, negativePrompt, w, h, sampler, samplerOverrides, steps,
        guidanceScale, seed, progress, cancellation);
  }

  public TextToImageRequest withSampler(String name, int n) {
    return new TextToImageRequest(prompt, negativePrompt, width, height, name, samplerOverrides, n,
        guidanceScale, seed, progress, cancellation);
  }

  public TextToImageRequest withGuidance(String negative, double scale) {
    return new TextToImageRequest(prompt, negative, width, height, sampler, samplerOverrides, steps, scale,
        seed, progress, cancellation);
  }

  public TextToImageRequest withSeed(long value) {
    return new TextToImageRequest(prompt, negativePrompt, width, height, sampler, samplerOverrides, steps,
        guidanceScale, value, progress, cancellation);
  }

  public TextToImageRequest withProgress(ProgressListener value) {
    return new TextToImageRequest(prompt, negativePrompt, width, height, sampler, samplerOverrides, steps,
        guidanceScale, seed, value, cancellation);
  }
}
