package dev.crossnet.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessorTest {

  private static final List<String> EPYC = List.of(
      "processor\t: 0",
      "vendor_id\t: AuthenticAMD",
      "model name\t: AMD EPYC",
      "flags\t\t: fpu sse2 avx avx2 avx512f avx512bw avx512vl avx512_bf16 fma",
      "",
      "processor\t: 1",
      "model name\t: AMD EPYC",
      "flags\t\t: fpu sse2 avx avx2 avx512f avx512bw avx512vl avx512_bf16 fma");

  @Test
  void readsTheModelAndTheAvxFlagsOfTheFirstProcessor() {
    Processor p = Processor.parse(EPYC);
    assertThat(p.model()).isEqualTo("AMD EPYC");
    assertThat(p.vectorFeatures()).containsExactlyInAnyOrder("avx", "avx2", "avx512f", "avx512bw", "avx512vl",
        "avx512_bf16");
    assertThat(p.hasAvx512()).isTrue();
    assertThat(p.describe()).isEqualTo("AMD EPYC (avx2, avx512_bf16, avx512bw, avx512f, avx512vl)");
  }

  @Test
  void aProcessorWithoutAvx512ShowsItsAvxFlags() {
    Processor p = Processor.parse(List.of("model name : Intel Xeon", "flags : sse avx avx2 fma"));
    assertThat(p.hasAvx512()).isFalse();
    assertThat(p.describe()).isEqualTo("Intel Xeon (avx, avx2)");
  }

  @Test
  void unreadableInfoGivesAnUnknownModel() {
    Processor p = Processor.parse(List.of());
    assertThat(p.model()).isEqualTo("unknown");
    assertThat(p.describe()).isEqualTo("unknown");
  }
}
