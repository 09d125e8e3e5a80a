package dev.crossnet.core.model.unet;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import dev.crossnet.core.model.Goldens;
import org.junit.jupiter.api.Test;

class UnetGoldenTest {

  @Test
  void matchesDiffusersOutputOnTheGoldenInputs() throws Exception {
    try (Goldens.Case g = Goldens.open("unet-a")) {
      UNet2DConditionModel unet = UNet2DConditionModel.load(g.model(), g.manager());
      NDArray out = unet.forward(g.io("sample"), g.io("timestep"), g.io("encoder_hidden_states"));
      assertThat(out.getShape()).isEqualTo(g.io("out").getShape());
      assertThat(g.error(out, "out")).isLessThan(1e-4f);
    }
  }
}
