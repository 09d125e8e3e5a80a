package dev.crossnet.examples.cli;

import ai.djl.ndarray.NDManager;
import dev.crossnet.api.image.Picture;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.model.DefaultModel;
import dev.crossnet.core.model.DiffusionModel;
import dev.crossnet.core.pipeline.TextToImage;
import dev.crossnet.core.pipeline.TextToImageRequest;
import java.nio.file.Path;

/** {@code crossnet txt2img}: draws a picture from a prompt with the default model or a model folder. */
final class TextToImageCommand implements Command {

  @Override
  public String name() {
    return "txt2img";
  }

  @Override
  public String summary() {
    return "draw a picture from --prompt (options: --model DIR, --out, --steps, --sampler, --guidance, --seed, --size)";
  }

  @Override
  public int run(Options options) throws Exception {
    String prompt = options.string("prompt", "a large red robot waving in a park");
    String negative = options.string("negative", "");
    Path modelDir = options.path("model", null);
    Path out = options.path("out", "out/txt2img.png");
    int steps = options.integer("steps", 50);
    double guidance = options.number("guidance", 5.0);
    long seed = options.longValue("seed", 0);
    int size = options.integer("size", 64);
    String sampler = options.string("sampler", null);
    options.rejectUnknown();
    try (NDManager manager = OfflineEngine.get().newBaseManager()) {
      DiffusionModel model = modelDir == null ? DefaultModel.load(manager) : DiffusionModel.load(modelDir, manager);
      TextToImageRequest request = TextToImageRequest.of(prompt)
          .withSize(size, size)
          .withSampler(sampler == null ? model.defaultSampler() : sampler, steps)
          .withGuidance(negative, guidance)
          .withSeed(seed)
          .withProgress(new ProgressBar(System.err));
      long start = System.nanoTime();
      Picture picture = TextToImage.of(model).generate(request, manager);
      picture.write(out);
      System.out.printf("wrote %s (%dx%d, %s, %d steps, seed %d) in %.2f s%n", out, picture.width(),
          picture.height(), request.sampler(), steps, seed, (System.nanoTime() - start) / 1e9);
    }
    return 0;
  }
}
