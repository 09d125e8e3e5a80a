package dev.crossnet.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NnpackTest {

  @Test
  void theEngineComesUpWithNnpackSwitchedOff() {
    assumeTrue(Files.isReadable(Path.of("/proc/self/maps")), "the switch is only reached on Linux");
    OfflineEngine.get();

    Optional<Boolean> enabled = Nnpack.enabled();

    assertThat(enabled).as("libtorch_cpu's NNPACK switch can be read").isPresent();
    assertThat(enabled.get()).as("NNPACK in use (it prints a warning per convolution where unsupported)").isFalse();
  }
}
