package dev.crossnet.core.pipeline;

import dev.crossnet.api.image.Picture;
import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.api.progress.Cancellation;
import dev.crossnet.api.progress.ProgressListener;
import java.util.List;
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
 * @param subjectPictures pictures whose look the model's image adapter draws (empty: none)
 * @param imagePromptScale the weight of the pictures' image prompt (1: as the adapter was trained)
 */
public record TextToImageRequest(String prompt, String negativePrompt, int width, int height, String sampler,
    PluginConfig samplerOverrides, int steps, double guidanceScale, long seed, ProgressListener progress,
    Cancellation cancellation, List<Picture> subjectPictures, double imagePromptScale) {

  public TextToImageRequest {
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(negativePrompt, "negative prompt");
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("picture size must be positive, got " + width + "x" + height);
    }
    subjectPictures = List.copyOf(subjectPictures);
    if (!(imagePromptScale >= 0) || Double.isInfinite(imagePromptScale)) {
      throw new IllegalArgumentException("image prompt scale must be 0 or more, got " + imagePromptScale);
    }
    if (steps <= 0) {
      throw new IllegalArgumentException("steps must be at least 1, got " + steps);
    }
  }

  /** A request with the usual defaults: 64x64, DDIM, 50 steps, guidance 5, seed 0. */
  public static TextToImageRequest of(String prompt) {
    return new TextToImageRequest(prompt, "", 64, 64, "ddim", PluginConfig.empty(), 50, 5.0, 0L,
        ProgressListener.NONE, Cancellation.never(), List.of(), 1.0);
  }

  public TextToImageRequest withSize(int w, int h) {
    return new TextToImageRequest(prompt, negativePrompt, w, h, sampler, samplerOverrides, steps,
        guidanceScale, seed, progress, cancellation, subjectPictures, imagePromptScale);
  }

  public TextToImageRequest withSampler(String name, int n) {
    return new TextToImageRequest(prompt, negativePrompt, width, height, name, samplerOverrides, n,
        guidanceScale, seed, progress, cancellation, subjectPictures, imagePromptScale);
  }

  public TextToImageRequest withGuidance(String negative, double scale) {
    return new TextToImageRequest(prompt, negative, width, height, sampler, samplerOverrides, steps, scale,
        seed, progress, cancellation, subjectPictures, imagePromptScale);
  }

  public TextToImageRequest withSeed(long value) {
    return new TextToImageRequest(prompt, negativePrompt, width, height, sampler, samplerOverrides, steps,
        guidanceScale, value, progress, cancellation, subjectPictures, imagePromptScale);
  }

  public TextToImageRequest withProgress(ProgressListener value) {
    return new TextToImageRequest(prompt, negativePrompt, width, height, sampler, samplerOverrides, steps,
        guidanceScale, seed, value, cancellation, subjectPictures, imagePromptScale);
  }

  /**
   * This request drawing the look of these pictures through the model's image adapter (IP-Adapter), with this
   * weight; no pictures turns it off.
   */
  public TextToImageRequest withSubjectPictures(List<Picture> pictures, double scale) {
    return new TextToImageRequest(prompt, negativePrompt, width, height, sampler, samplerOverrides, steps,
        guidanceScale, seed, progress, cancellation, pictures, scale);
  }
}
