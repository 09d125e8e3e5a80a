package dev.crossnet.core.pipeline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.api.branch.AttentionControl;
import dev.crossnet.api.branch.BranchRun;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.api.plugin.PluginRegistry;
import dev.crossnet.api.region.Mask;
import dev.crossnet.api.sampler.NoiseSource;
import dev.crossnet.api.sampler.Sampler;
import dev.crossnet.api.sampler.SamplerPlan;
import dev.crossnet.api.sampler.SamplerProvider;
import dev.crossnet.core.image.PictureTensors;
import dev.crossnet.core.model.ImageAdapter;
import dev.crossnet.core.model.unet.InpaintingUnets;
import java.util.List;
import java.util.Optional;

/** Prompt (and negative prompt) to picture, with classifier-free guidance and any sampler plugin. */
public final class TextToImage {

  private final NoisePredictor predictor;
  private final PromptEncoder prompts;
  private final LatentCodec codec;
  private final PluginConfig schedulerConfig;
  private final PluginRegistry<SamplerProvider> samplers;
  private final Optional<ImageAdapter> imageAdapter;
  private final boolean wholePictureInpainting;

  /**
   * @param schedulerConfig the model's {@code scheduler_config.json}; request overrides win over it
   */
  public TextToImage(NoisePredictor predictor, PromptEncoder prompts, LatentCodec codec,
      PluginConfig schedulerConfig, PluginRegistry<SamplerProvider> samplers) {
    this(predictor, prompts, codec, schedulerConfig, samplers, Optional.empty());
  }

  /** As the other constructor, with the model's image adapter for requests with subject pictures. */
  public TextToImage(NoisePredictor predictor, PromptEncoder prompts, LatentCodec codec,
      PluginConfig schedulerConfig, PluginRegistry<SamplerProvider> samplers, Optional<ImageAdapter> imageAdapter) {
    this(predictor, prompts, codec, schedulerConfig, samplers, imageAdapter, false);
  }

  /**
   * @param wholePictureInpainting the predictor is an inpainting UNet's: every picture is drawn as its region
   *     (mask 1 everywhere, the blank picture's latent)
   */
  private TextToImage(NoisePredictor predictor, PromptEncoder prompts, LatentCodec codec,
      PluginConfig schedulerConfig, PluginRegistry<SamplerProvider> samplers, Optional<ImageAdapter> imageAdapter,
      boolean wholePictureInpainting) {
    this.wholePictureInpainting = wholePictureInpainting;
    this.imageAdapter = imageAdapter;
    this.predictor = predictor;
    this.prompts = prompts;
    this.codec = codec;
    this.schedulerConfig = schedulerConfig;
    this.samplers = samplers;
  }

  /**
   * Text to image on a loaded model, with the sampler plugins on the class path. An inpainting UNet
   * ({@link InpaintingUnets}) draws the whole picture as its region: mask 1 everywhere, the blank picture's latent.
   */
  public static TextToImage of(dev.crossnet.core.model.DiffusionModel model) {
    return new TextToImage(new UnetPredictor(model.unet()),
        new ClipPromptEncoder(model.tokenizer(), model.textEncoder()),
        model.vae().<LatentCodec>map(VaeCodec::new).orElseGet(LatentCodec::pixels),
        model.schedulerConfig(),
        PluginRegistry.discover(SamplerProvider.class, "sampler", "add crossnet-samplers to the class path"),
        model.imageAdapter(), InpaintingUnets.isInpainting(model.unet().config()));
  }

  /** Draws one picture. Same request, same picture. */
  public Picture generate(TextToImageRequest request, NDManager parent) {
    int f = codec.downscale();
    int multiple = f * predictor.sizeMultiple();
    if (request.width() % multiple != 0 || request.height() % multiple != 0) {
      throw new IllegalArgumentException("picture size " + request.width() + "x" + request.height()
          + " must be a multiple of " + multiple + " for this model (its VAE downscales by " + f
          + " and its UNet by " + predictor.sizeMultiple() + "); try "
          + (request.width() / multiple * multiple) + "x" + (request.height() / multiple * multiple));
    }
    if (!request.subjectPictures().isEmpty() && imageAdapter.isEmpty()) {
      throw new IllegalArgumentException("subject pictures need a model with an image adapter (image_encoder/ and "
          + "ip_adapter/ in its folder); this model has none: add one, or describe the subject in the prompt");
    }
    Sampler sampler = samplers.get(request.sampler())
        .create(schedulerConfig.merge(request.samplerOverrides()));
    try (NDManager manager = parent.newSubManager()) {
      NDArray text = prompts.encode(List.of(request.prompt()), manager);
      NDArray negative = request.guidanceScale() == 1.0
          ? null : prompts.encode(List.of(request.negativePrompt()), manager);
      SamplerPlan plan = sampler.plan(request.steps());
      NoiseSource noise = NoiseSource.seeded(request.seed());
      Shape shape = new Shape(1, codec.channels(), request.height() / f, request.width() / f);
      NDArray initial = noise.next(manager, shape).muli(plan.initNoiseSigma());
      List<BranchRun> controls = List.of();
      if (!request.subjectPictures().isEmpty()) {
        ImageAdapter adapter = imageAdapter.get();
        List<Optional<Mask>> masks = request.subjectPictures().stream().map(p -> Optional.<Mask>empty()).toList();
        AttentionControl control = new ImagePromptControl(adapter.adapter(), List.of(ImagePromptControl.prompt(
            adapter, request.subjectPictures(), masks, null, 0, 0, manager)), (float) request.imagePromptScale());
        controls = List.of(new BranchRun() {
          @Override
          public Optional<AttentionControl> attention() {
            return Optional.of(control);
          }
        });
      }
      DenoisingLoop.Settings settings = new DenoisingLoop.Settings(sampler, plan, 0, text, negative,
          request.guidanceScale(), controls, noise, request.progress(), request.cancellation());
      NoisePredictor denoiser = wholePictureInpainting ? InpaintingPredictor.of(predictor,
          InpaintingPredictor.wholePicture(codec, shape.get(2), shape.get(3), manager)) : predictor;
      NDArray latent = new DenoisingLoop(denoiser).run(settings, initial);
      return PictureTensors.toPicture(codec.decode(latent));
    }
  }
}
