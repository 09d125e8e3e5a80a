package dev.crossnet.examples.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.engine.Processor;
import dev.crossnet.core.nn.Convolution;
import dev.crossnet.core.train.GradientSelfCheck;
import dev.crossnet.examples.cli.CommandLines;
import dev.crossnet.examples.cli.HelpOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Prints, for this processor, which 3x3 convolutions get a wrong input gradient from the engine's own kernel
 * and from CrossNet's {@link Convolution}: a table of input x output channels, batch 2, 8x8, the float32
 * input gradient against the float64 one (the engine's float64 convolution never takes the oneDNN path).
 *
 * <pre>java -cp "$CP" dev.crossnet.examples.bench.ConvolutionGradientProbe</pre>
 */
@Command(name = "ConvolutionGradientProbe", sortOptions = false, sortSynopsis = false,
    description = "Prints which 3x3 convolutions get a wrong input gradient on this processor, from the engine's "
        + "kernel and from CrossNet's.")
public final class ConvolutionGradientProbe implements Callable<Integer> {

  private static final int[] CHANNELS = {3, 4, 8, 12, 16, 20, 32, 48};

  @Mixin
  HelpOption help;

  public static void main(String[] args) {
    System.exit(CommandLines.execute(new ConvolutionGradientProbe(), args));
  }

  @Override
  public Integer call() throws Exception {
    run();
    return CommandLines.OK;
  }

  private void run() throws Exception {
    Engine engine = OfflineEngine.get();
    System.out.println("processor: " + Processor.current().describe());
    System.out.println("ONEDNN_MAX_CPU_ISA=" + System.getenv().getOrDefault("ONEDNN_MAX_CPU_ISA", "(unset)"));
    for (String who : new String[] {"engine", "CrossNet"}) {
      GradientSelfCheck.ConvolutionOp op = who.equals("engine") ? Convolution::raw : Convolution::conv2d;
      System.out.println();
      System.out.println(who + ": largest input-gradient error relative to its largest value; rows in, columns out");
      StringBuilder header = new StringBuilder("  in\\out");
      for (int out : CHANNELS) {
        header.append(String.format("%9d", out));
      }
      System.out.println(header);
      for (int in : CHANNELS) {
        StringBuilder row = new StringBuilder(String.format("%8d", in));
        for (int out : CHANNELS) {
          row.append(String.format("%9.1e", relativeError(engine, op, in, out)));
        }
        System.out.println(row);
      }
    }
    System.out.println();
    System.out.println("self-check faults of the engine's convolution: " + GradientSelfCheck.faults(Convolution::raw));
    System.out.println("self-check faults of CrossNet's convolution: " + GradientSelfCheck.faults(Convolution::conv2d));
  }

  private static double relativeError(Engine engine, GradientSelfCheck.ConvolutionOp op, int in, int out) {
    try (NDManager m = engine.newBaseManager()) {
      engine.setRandomSeed(in * 1000 + out);
      NDArray x = m.randomUniform(-1, 1, new Shape(2, in, 8, 8));
      NDArray w = m.randomUniform(-1, 1, new Shape(out, in, 3, 3));
      NDArray b = m.randomUniform(-1, 1, new Shape(out));
      NDArray u = m.randomUniform(-1, 1, new Shape(2, out, 8, 8));
      double[] single = inputGradient(engine, op, x, w, b, u).toType(DataType.FLOAT64, false).toDoubleArray();
      double[] reference = inputGradient(engine, Convolution::raw, x.toType(DataType.FLOAT64, false),
          w.toType(DataType.FLOAT64, false), b.toType(DataType.FLOAT64, false), u.toType(DataType.FLOAT64, false))
          .toDoubleArray();
      double worst = 0;
      double scale = 0;
      for (int i = 0; i < reference.length; i++) {
        worst = Double.isFinite(single[i]) ? Math.max(worst, Math.abs(single[i] - reference[i]))
            : Double.POSITIVE_INFINITY;
        scale = Math.max(scale, Math.abs(reference[i]));
      }
      return worst / scale;
    }
  }

  private static NDArray inputGradient(Engine engine, GradientSelfCheck.ConvolutionOp op, NDArray x, NDArray w,
      NDArray b, NDArray u) {
    NDArray input = x.duplicate();
    input.setRequiresGradient(true);
    try (GradientCollector gc = engine.newGradientCollector()) {
      gc.backward(op.apply(input, w, b, 1, 1).mul(u).sum());
    }
    return input.getGradient().duplicate();
  }
}
