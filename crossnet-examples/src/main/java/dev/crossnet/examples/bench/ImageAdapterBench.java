package dev.crossnet.examples.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.api.branch.AttentionControl;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Mask;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.model.DefaultModel;
import dev.crossnet.core.model.DiffusionModel;
import dev.crossnet.core.model.ImageAdapter;
import dev.crossnet.core.model.JsonConfig;
import dev.crossnet.core.model.unet.IpAdapter;
import dev.crossnet.core.model.unet.UNet2DConditionModel;
import dev.crossnet.core.model.unet.UNetConfig;
import dev.crossnet.core.nn.AttentionHook;
import dev.crossnet.core.nn.GradMode;
import dev.crossnet.core.nn.RandomParameters;
import dev.crossnet.core.pipeline.ControlHook;
import dev.crossnet.core.pipeline.ImagePromptControl;
import dev.crossnet.examples.cli.CommandLines;
import dev.crossnet.examples.cli.HelpOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What an image adapter costs: the time to read a subject (crop, encode, project), and one guided denoising step
 * (batch 2) with and without a region-confined image prompt, on a model with an adapter (the embedded default
 * model's, or {@code --model}) and on an SD-1.5-sized UNet with a random plain IP-Adapter (1024-wide embeddings,
 * 4 tokens, as ip-adapter_sd15). Medians over {@code --runs}.
 *
 * <pre>
 * java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=2 \
 *   -cp 'crossnet-examples/target/crossnet-examples.jar:crossnet-examples/target/lib/*' \
 *   dev.crossnet.examples.bench.ImageAdapterBench [--model DIR] [--runs 200] [--sd-runs 3] [--no-sd]
 * </pre>
 */
@Command(name = "ImageAdapterBench", sortOptions = false, sortSynopsis = false,
    description = "Times reading a subject with an image adapter and a denoising step with and without it.")
public final class ImageAdapterBench implements Callable<Integer> {

  /**
   * Untimed runs before the timed ones on the small model, whose steps take milliseconds: with one, the first timed
   * runs still include the JIT's compiling of the hook's path and read the image prompt's cost as twice what it is.
   */
  private static final int WARM_UP = 20;

  @Mixin
  HelpOption help;

  @Option(names = "--model", paramLabel = "DIR",
      description = "A model folder with image_encoder/ and ip_adapter/ (default: the embedded default model).")
  Optional<Path> model = Optional.empty();

  @Option(names = "--runs", paramLabel = "N", defaultValue = "200",
      description = "Timed runs on the model (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--sd-runs", paramLabel = "N", defaultValue = "3",
      description = "Timed runs on the SD-1.5-sized UNet (default: ${DEFAULT-VALUE}).")
  int sdRuns;

  @Option(names = "--no-sd", description = "Skip the SD-1.5-sized UNet.")
  boolean noSd;

  public static void main(String[] args) {
    System.exit(CommandLines.execute(new ImageAdapterBench(), args));
  }

  @Override
  public Integer call() {
    try (NDManager m = OfflineEngine.get().newBaseManager(); GradMode off = GradMode.disabled()) {
      DiffusionModel loaded = model.map(p -> DiffusionModel.load(p, m)).orElseGet(() -> DefaultModel.load(m));
      ImageAdapter adapter = loaded.imageAdapter().orElseThrow(() -> new IllegalArgumentException(
          loaded.source() + " has no image adapter (image_encoder/ and ip_adapter/); give --model a folder with one"));
      int size = loaded.nativeSize();
      Picture picture = Picture.filled(size, size, 0x406080);
      boolean[] inside = new boolean[size * size];
      for (int i = size * size / 4; i < size * size / 2; i++) {
        inside[i] = true;
      }
      List<Optional<Mask>> masks = List.of(Optional.of(Mask.of(size, size, inside)));
      double[] read = new double[runs];
      for (int r = -2; r < runs; r++) {
        long t0 = System.nanoTime();
        ImagePromptControl.prompt(adapter, List.of(picture), masks, null, 0, 0, m);
        if (r >= 0) {
          read[r] = (System.nanoTime() - t0) / 1e9;
        }
      }
      System.out.printf(Locale.ROOT, "%s: reading a subject (crop, encode, project) %.4f s (median of %d)%n",
          loaded.source(), median(read), runs);
      int latent = size / loaded.vae().map(v -> 1 << (v.config().blockOutChannels().length - 1)).orElse(1);
      String name = model.map(p -> "model " + p.getFileName()).orElse("default model");
      step(loaded.unet(), adapter.adapter(), adapter, latent, 8, WARM_UP, runs, name, m);
      if (!noSd) {
        UNetConfig config = UNetConfig.from(JsonConfig.parse("sd15-unet-config", UnetBench.SD15));
        UNet2DConditionModel unet = UNet2DConditionModel.create(config,
            RandomParameters.store(s -> new UNet2DConditionModel(config, s), 1234, m), m);
        IpAdapter sdAdapter = IpAdapter.initialise(unet, 1024, 4, 5, m);
        step(unet, sdAdapter, null, 64, 77, 1, sdRuns, "SD-1.5-sized UNet, 64x64 latents", m);
      }
    }
    return CommandLines.OK;
  }

  private static void step(UNet2DConditionModel unet, IpAdapter adapter, ImageAdapter withEncoder, int latent,
      int textTokens, int warmUp, int runs, String what, NDManager m) {
    NDArray x = m.randomNormal(new Shape(2, unet.config().inChannels(), latent, latent));
    NDArray t = m.create(new float[] {500, 500});
    NDArray text = m.randomNormal(new Shape(2, textTokens, unet.config().crossAttentionDim()[0]));
    float[] tokens = new float[adapter.tokens() * adapter.tokenDim()];
    Arrays.fill(tokens, 0.1f);
    float[] region = new float[latent * latent];
    Arrays.fill(region, 0, region.length / 2, 1f);
    AttentionControl control = new ImagePromptControl(adapter,
        List.of(new ImagePromptControl.Prompt(tokens, tokens.clone(), region, latent, latent)), 1f);
    AttentionHook hook = ControlHook.of(List.of(control));
    // the same attention hook with the prompt at scale 0 (no image part): what the hook itself costs
    AttentionHook idle = ControlHook.of(List.of(new ImagePromptControl(adapter,
        List.of(new ImagePromptControl.Prompt(tokens, tokens.clone(), region, latent, latent)), 0f)));
    double[] plain = new double[runs];
    double[] hooked = new double[runs];
    double[] prompted = new double[runs];
    for (int r = -warmUp; r < runs; r++) {
      long t0 = System.nanoTime();
      unet.forward(x, t, text).close();
      long t1 = System.nanoTime();
      unet.forward(x, t, text, idle).close();
      long t2 = System.nanoTime();
      unet.forward(x, t, text, hook).close();
      long t3 = System.nanoTime();
      if (r >= 0) {
        plain[r] = (t1 - t0) / 1e9;
        hooked[r] = (t2 - t1) / 1e9;
        prompted[r] = (t3 - t2) / 1e9;
      }
    }
    // each run's three steps follow one another, so their ratios are free of the machine's drift between runs
    double[] added = new double[runs];
    double[] hookAdded = new double[runs];
    for (int r = 0; r < runs; r++) {
      added[r] = prompted[r] / plain[r] - 1;
      hookAdded[r] = hooked[r] / plain[r] - 1;
    }
    System.out.printf(Locale.ROOT, "%s: guided step (batch 2) %.4f s without, %.4f s with an image prompt: "
        + "%+.1f %% (the attention hook alone, image part at scale 0: %+.1f %%); medians of %d runs%n", what,
        median(plain), median(prompted), 100 * median(added), 100 * median(hookAdded), runs);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  }
}
