package dev.crossnet.core.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossnet.core.engine.Processor;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The minimal reproduction of the engine fault that {@link Convolution} works around: DJL's own convolution,
 * its backward pass, random input. Tagged so that it runs in a JVM of its own (the faulty kernel may touch
 * memory it does not own); see docs/engine/avx512-convolution-gradients.md.
 */
@Tag("engine-fault")
class EngineConvolutionFaultTest {

  private static final int RUNS = 10;

  @Test
  void theEnginesOwnConvolutionGetsInputGradientsWrongOnlyOnAvx512Processors() {
    // batch 2, 4 -> 4 channels, 3x3, 8x8: oneDNN's path (batch 1 of this size takes PyTorch's own kernel).
    // The kernel reads memory it did not write: in a fresh process it may read zeros and be right, so it runs
    // a few times.
    List<String> errors = new java.util.ArrayList<>();
    int wrong = 0;
    for (int run = 0; run < RUNS; run++) {
      List<String> found = new ConvolutionTest.Case(2, 4, 8, 4, 3, 1, 1, 42 + run).errors("DJL", Convolution::raw);
      wrong += found.isEmpty() ? 0 : 1;
      errors.addAll(found);
    }
    Processor processor = Processor.current();
    LoggerFactory.getLogger(EngineConvolutionFaultTest.class).info("DJL's convolution on {}: wrong in {} of {} runs {}",
        processor.describe(), wrong, RUNS, errors.isEmpty() ? "" : errors.get(0));
    if (!errors.isEmpty()) {
      assertThat(processor.hasAvx512()).as("a wrong gradient on a processor without AVX-512: %s", errors).isTrue();
      assertThat(errors).allSatisfy(e -> assertThat(e).startsWith("DJL dX"));
    }
  }

  @Test
  void theEnginesOwnForwardPassIsWrongForWideInputsOnlyOnAvx512Processors() {
    // 3 pictures of 24 channels (more than one AVX-512 block of 16, not a whole number of blocks), 8 filters
    int wrong = 0;
    for (int run = 0; run < RUNS; run++) {
      wrong += forwardWrong(new ConvolutionTest.Case(3, 24, 8, 8, 3, 1, 1, run)) ? 1 : 0;
    }
    Processor processor = Processor.current();
    LoggerFactory.getLogger(EngineConvolutionFaultTest.class).info("DJL's forward convolution of 24 channels on {}: "
        + "wrong in {} of {} runs", processor.describe(), wrong, RUNS);
    if (wrong > 0) {
      assertThat(processor.hasAvx512()).isTrue();
    }
  }

  private static boolean forwardWrong(ConvolutionTest.Case c) {
    return !c.errors("DJL", Convolution::raw).stream().filter(e -> e.startsWith("DJL y")).toList().isEmpty();
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
