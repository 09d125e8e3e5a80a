package dev.crossnet.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.crossnet.core.engine.Processor;
import dev.crossnet.core.nn.Convolution;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GradientSelfCheckTest {

  @Test
  void crossNetsConvolutionPassesOnThisMachine() {
    assertThat(GradientSelfCheck.faults(Convolution::conv2d)).isEmpty();
    assertThatCode(GradientSelfCheck::require).doesNotThrowAnyException();
  }

  @Test
  void aConvolutionWhoseInputGradientIsLostIsCaught() {
    List<String> faults = GradientSelfCheck.faults((x, w, b, stride, padding) ->
        Convolution.conv2d(x.stopGradient(), w, b, stride, padding));
    assertThat(faults).hasSize(4).allSatisfy(f -> assertThat(f).startsWith("input gradient of"));
  }

  @Test
  void aConvolutionWithAWrongOutputIsCaught() {
    List<String> faults = GradientSelfCheck.faults((x, w, b, stride, padding) ->
        Convolution.conv2d(x, w, null, stride, padding));
    assertThat(faults).anySatisfy(f -> assertThat(f).startsWith("output of 4 input channels at stride 1 wrong"))
        .anySatisfy(f -> assertThat(f).startsWith("bias gradient of 20 input channels at stride 2"));
  }

  @Test
  void theFailureNamesTheProcessorTheFaultAndTheWorkaround() {
    Processor epyc = new Processor("AMD EPYC", Set.of("avx", "avx2", "avx512f", "avx512bw"));
    String message = GradientSelfCheck.failure(List.of("input gradient of 4 input channels at stride 1 wrong (largest error 0.8, values up to 3)"), epyc)
        .getMessage();
    assertThat(message).contains("AMD EPYC (avx2, avx512bw, avx512f)", "input gradient of 4 input channels at stride 1",
        "ONEDNN_MAX_CPU_ISA=AVX2", "this processor has AVX-512");
  }
}
