package dev.crossnet.examples.cli;

import ai.djl.ndarray.NDManager;
import dev.crossnet.api.image.Picture;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.model.DefaultModel;
import dev.crossnet.core.model.DiffusionModel;
import dev.crossnet.core.pipeline.TextToImage;
import dev.crossnet.core.pipeline.TextToImageRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code crossnet txt2img}: draws a picture from a prompt with the default model or a model folder. */
@Command(name = "txt2img", sortOptions = false, sortSynopsis = false,
    description = "Draw a picture from a prompt, with the embedded default model or a diffusers model folder.")
final class TextToImageCommand implements Callable<Integer> {

  @Mixin
  HelpOption help;

  @Mixin
  Verbosity verbosity;

  @Spec
  CommandSpec spec;

  @Option(names = "--prompt", paramLabel = "TEXT", defaultValue = "a large red robot waving in a park",
      description = "What to draw (default: \"${DEFAULT-VALUE}\").")
  String prompt;

  @Option(names = "--negative", paramLabel = "TEXT", defaultValue = "",
      description = "What the picture should not show, for classifier-free guidance (default: none).")
  String negative;

  @Option(names = "--model", paramLabel = "MODEL", description = ModelArgument.DESCRIPTION)
  Path model;

  @Option(names = "--out", paramLabel = "FILE", defaultValue = "out/txt2img.png",
      description = "Where to write the picture (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--steps", paramLabel = "N", defaultValue = "50",
      description = "Denoising steps (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--sampler", paramLabel = "NAME",
      description = "A sampler plugin, e.g. ddim, euler, dpmpp-2m; 'crossnet samplers' lists them "
          + "(default: the model's own).")
  String sampler;

  @Option(names = "--guidance", paramLabel = "SCALE", defaultValue = "5",
      description = "Classifier-free guidance scale; 1 switches guidance off (default: ${DEFAULT-VALUE}).")
  double guidance;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
      description = "Random seed; the same seed draws the same picture (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--size", paramLabel = "PIXELS",
      description = "Width and height of the picture (default: the size the model was trained at, 64 for the "
          + "64x64 model, 128 for figureworld-v2).")
  Integer size;

  @Option(names = "--subject", paramLabel = "PICTURE", split = ",",
      description = "Pictures whose look to draw, through the model's image adapter (comma-separated; default: "
          + "none).")
  List<Path> subjects = new ArrayList<>();

  @Option(names = "--subject-scale", paramLabel = "SCALE", defaultValue = "1",
      description = "Weight of the subject pictures' image prompt (default: ${DEFAULT-VALUE}).")
  double subjectScale;

  @Override
  public Integer call() throws Exception {
    try (NDManager manager = OfflineEngine.get().newBaseManager()) {
      DiffusionModel diffusion = model == null ? DefaultModel.load(manager)
          : DiffusionModel.load(ModelArgument.folder(model), manager);
      TextToImageRequest request = TextToImageRequest.of(prompt)
          .withSize(size == null ? diffusion.nativeSize() : size, size == null ? diffusion.nativeSize() : size)
          .withSampler(sampler == null ? diffusion.defaultSampler() : sampler, steps)
          .withGuidance(negative, guidance)
          .withSeed(seed)
          .withProgress(new ProgressBar(System.err));
      if (!subjects.isEmpty()) {
        request = request.withSubjectPictures(new SubjectFiles(subjects).pictures(), subjectScale);
      }
      long start = System.nanoTime();
      Picture picture = TextToImage.of(diffusion).generate(request, manager);
      picture.write(out);
      spec.commandLine().getOut().printf("wrote %s (%dx%d, %s, %d steps, seed %d) in %.2f s%n", out,
          picture.width(), picture.height(), request.sampler(), steps, seed, (System.nanoTime() - start) / 1e9);
    }
    return CommandLines.OK;
  }
}
