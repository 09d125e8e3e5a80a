package dev.crossnet.samplers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegistrationTest {

  @Test
  void everySamplerIsRegisteredUnderItsName() {
    assertThat(Fixtures.SAMPLERS.names()).containsExactly("ddpm", "ddim", "ddim-inversion", "dpmpp-2m", "euler",
        "euler-ancestral");
  }

  @Test
  void noProviderFailedToLoad() {
    assertThat(Fixtures.SAMPLERS.failures()).isEmpty();
  }
}
