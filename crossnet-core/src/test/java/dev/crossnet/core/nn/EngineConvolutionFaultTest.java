package dev.crossnet.core.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossnet.core.engine.Processor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The minimal reproduction of the engine faults that {@link Convolution} works around: DJL's own convolution,
 * its backward pass, random input, NaN left in freed memory. Tagged so that it runs in a JVM of its own (the
 * faulty kernels read memory they do not own); see docs/engine/avx512-convolution-gradients.md.
 */
@Tag("engine-fault")
class EngineConvolutionFaultTest {

  private static final int RUNS = 10;

  @Test
  void theMinimalReproduction() {
    // batch 2, 4 -> 4 channels, 3x3, 8x8: oneDNN's path (batch 1 of this size takes PyTorch's own kernel)
    int wrong = 0;
    String first = "";
    for (int run = 0; run < RUNS; run++) {
      List<String> found = new ConvolutionTest.Case(2, 4, 8, 4, 3, 1, 1, 42 + run).errors("DJL", Convolution::raw);
      wrong += found.isEmpty() ? 0 : 1;
      first = first.isEmpty() && !found.isEmpty() ? found.get(0) : first;
      assertThat(found).as("only the input gradient can be wrong here").allSatisfy(e -> assertThat(e).startsWith("DJL dX"));
    }
    LoggerFactory.getLogger(EngineConvolutionFaultTest.class).info("DJL's convolution on {} (ONEDNN_MAX_CPU_ISA={}): "
        + "input gradient wrong in {} of {} runs {}", Processor.current().describe(),
        System.getenv().getOrDefault("ONEDNN_MAX_CPU_ISA", "unset"), wrong, RUNS, first);
  }

  @Test
  void everyFaultOfTheEnginesConvolutionLiesWhereCrossNetWorksAroundIt() {
    List<String> outside = new ArrayList<>();
    int faults = 0;
    for (int kernel : new int[] {1, 3}) {
      for (int in : new int[] {4, 16, 20, 32}) {
        for (int out : new int[] {4, 16, 20, 32}) {
          for (int run = 0; run < 2; run++) {
            ConvolutionTest.Case c = new ConvolutionTest.Case(3, in, 8, out, kernel, 1, kernel / 2, run);
            for (String e : c.errors("DJL", Convolution::raw)) {
              faults++;
              boolean wideInput = in > 16 && in % 16 != 0;
              boolean covered = kernel > 1 && (e.startsWith("DJL y") ? wideInput
                  : e.startsWith("DJL dX") && (out % 16 != 0 || wideInput));
              if (!covered) {
                outside.add(e);
              }
            }
          }
        }
      }
    }
    LoggerFactory.getLogger(EngineConvolutionFaultTest.class).info("DJL's convolution: {} faults, {} outside the "
        + "workaround's rule", faults, outside.size());
    assertThat(outside).isEmpty();
  }

  @Test
  void crossNetsConvolutionIsRightWhereTheEnginesIsWrong() {
    for (int out : new int[] {3, 4, 8, 12}) {
      ConvolutionTest.Case c = new ConvolutionTest.Case(2, 24, 8, out, 3, 1, 1, 7 + out);
      c.errors("DJL", Convolution::raw);
      assertThat(c.errors("CrossNet", Convolution::conv2d)).isEmpty();
    }
  }
}
