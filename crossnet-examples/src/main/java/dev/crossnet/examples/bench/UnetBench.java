package dev.crossnet.examples.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.model.JsonConfig;
import dev.crossnet.core.model.unet.UNet2DConditionModel;
import dev.crossnet.core.model.unet.UNetConfig;
import dev.crossnet.core.nn.GradMode;
import dev.crossnet.core.nn.RandomParameters;
import dev.crossnet.core.weights.MemoryTensorStore;
import dev.crossnet.examples.cli.CommandLines;
import dev.crossnet.examples.cli.HelpOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Times one UNet forward pass of the golden tiny UNet and of an SD-1.5-sized UNet with seeded random
 * weights, and reports analytic GFLOPs, achieved GFLOP/s next to the measured matmul rate, and peak
 * resident memory next to the weights' size. The process CPU time of the timed pass is reported too: fewer
 * than {@code num_threads} busy cores means the machine was shared and the figures are low.
 *
 * <pre>
 * mvn -B -ntp -o -pl crossnet-examples -am package -DskipTests
 * java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=2 -Dai.djl.pytorch.num_interop_threads=1 \
 *   -cp 'crossnet-examples/target/crossnet-examples.jar:crossnet-examples/target/lib/*' \
 *   dev.crossnet.examples.bench.UnetBench [--golden DIR] [--batch 2] [--runs 2] [--no-sd]
 * </pre>
 */
@Command(name = "UnetBench", sortOptions = false, sortSynopsis = false,
    description = "Times one UNet forward pass of the golden tiny UNet and of an SD-1.5-sized UNet with random "
        + "weights.")
public final class UnetBench implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(UnetBench.class);

  /** stable-diffusion-v1-5's unet/config.json settings that shape the network. */
  static final String SD15 = """
      {"act_fn": "silu", "attention_head_dim": 8, "block_out_channels": [320, 640, 1280, 1280],
       "center_input_sample": false, "cross_attention_dim": 768,
       "down_block_types": ["CrossAttnDownBlock2D", "CrossAttnDownBlock2D", "CrossAttnDownBlock2D", "DownBlock2D"],
       "downsample_padding": 1, "flip_sin_to_cos": true, "freq_shift": 0, "in_channels": 4,
       "layers_per_block": 2, "mid_block_scale_factor": 1, "norm_eps": 1e-05, "norm_num_groups": 32,
       "out_channels": 4, "sample_size": 64,
       "up_block_types": ["UpBlock2D", "CrossAttnUpBlock2D", "CrossAttnUpBlock2D", "CrossAttnUpBlock2D"]}
      """;

  @Mixin
  HelpOption help;

  @Option(names = "--golden", paramLabel = "DIR",
      description = "The golden tiny UNet folder (default: goldens/unet-a/model under -Dcrossnet.shared, else "
          + "/work/shared).")
  Path goldenOption;

  @Option(names = "--batch", paramLabel = "N", defaultValue = "2",
      description = "Batch size of the SD-1.5-sized pass (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "2",
      description = "Timed passes (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--no-sd", description = "Skip the SD-1.5-sized UNet.")
  boolean noSd;

  public static void main(String[] args) {
    System.exit(CommandLines.execute(new UnetBench(), args));
  }

  @Override
  public Integer call() throws Exception {
    run();
    return CommandLines.OK;
  }

  @SuppressWarnings("try") // GradMode switches the thread's mode for the block; it is not used in it
  private void run() throws Exception {
    Path golden = goldenOption != null ? goldenOption
        : Path.of(System.getProperty("crossnet.shared", "/work/shared"), "goldens", "unet-a", "model");
    boolean sd = !noSd;
    try (NDManager root = OfflineEngine.get().newBaseManager(); GradMode off = GradMode.disabled()) {
      if (Files.isDirectory(golden)) {
        try (NDManager m = root.newSubManager()) {
          UNet2DConditionModel unet = UNet2DConditionModel.load(golden, m);
          report("golden unet-a", unet, m, 2, 16, 7, 20);
        }
      } else {
        LOG.info("golden UNet folder {} absent: skipped", golden);
      }
      if (sd) {
        try (NDManager m = root.newSubManager()) {
          UNetConfig config = UNetConfig.from(JsonConfig.parse("sd15-unet-config", SD15));
          long t0 = System.nanoTime();
          MemoryTensorStore store = RandomParameters.store(s -> new UNet2DConditionModel(config, s), 1234, m);
          UNet2DConditionModel unet = UNet2DConditionModel.create(config, store, m);
          LOG.info(String.format(Locale.ROOT, "SD-1.5-sized UNet: random weights in %.1f s",
              (System.nanoTime() - t0) / 1e9));
          report("SD-1.5-sized unet", unet, m, batch, 64, 77, runs);
        }
      }
    }
  }

  private static void report(String label, UNet2DConditionModel unet, NDManager m, int batch, int size,
      int tokens, int runs) {
    // Measured right before the model so that both see the same machine load.
    MatmulProbe.Rate matmul = MatmulProbe.measure(m, 2048, 5);
    LOG.info(String.format(Locale.ROOT, "matmul 2048x2048 float32: %.1f GFLOP/s, %.1f GFLOP per CPU-second",
        matmul.gflops(), matmul.gflopPerCpuSecond()));
    long weightBytes = unet.namedParameters().values().stream().mapToLong(a -> a.getShape().size() * 4).sum();
    int cross = unet.config().crossAttentionDim()[0];
    NDArray x = m.randomNormal(new Shape(batch, unet.config().inChannels(), size, size));
    NDArray t = m.create(new long[batch]).add(500);
    NDArray text = m.randomNormal(new Shape(batch, tokens, cross));
    unet.forward(x, t, text).close(); // warm-up
    double best = Double.MAX_VALUE;
    double cpuOfBest = 0;
    for (int i = 0; i < runs; i++) {
      long cpu0 = ProcStatus.cpuNanos();
      long t0 = System.nanoTime();
      NDArray out = unet.forward(x, t, text);
      out.getFloat(0, 0, 0, 0);
      double wall = (System.nanoTime() - t0) / 1e9;
      if (wall < best) {
        best = wall;
        cpuOfBest = (ProcStatus.cpuNanos() - cpu0) / 1e9;
      }
      out.close();
    }
    double gflop = 2.0 * unet.macs(size, size, tokens) * batch / 1e9;
    LOG.info(String.format(Locale.ROOT,
        "%s: batch %d, %dx%d latents, %d tokens: forward %.3f s, %.1f GFLOP, %.1f GFLOP/s (%.0f%% of matmul "
            + "%.1f); process CPU %.1f s (%.2f cores busy), %.1f GFLOP per CPU-second (%.0f%% of matmul's %.1f); "
            + "weights %.1f MB, peak RSS %.1f MB (%.2fx weights)",
        label, batch, size, size, tokens, best, gflop, gflop / best, 100 * gflop / best / matmul.gflops(),
        matmul.gflops(), cpuOfBest, cpuOfBest / best, gflop / cpuOfBest,
        100 * gflop / cpuOfBest / matmul.gflopPerCpuSecond(), matmul.gflopPerCpuSecond(),
        weightBytes / 1e6, ProcStatus.peakRss() / 1e6, (double) ProcStatus.peakRss() / weightBytes));
  }
}
