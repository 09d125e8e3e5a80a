package dev.crossnet.core.weights;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import dev.crossnet.core.testing.SharedFolder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Files written by the Python reference writer read exactly as DJL's own decoder reads them. */
class SafetensorsGoldenTest extends ManagerPerTest {

  @Test
  void aDiffusersUnetFolderLoadsLikeDjlDecodesIt() throws IOException {
    Path folder = SharedFolder.resolve("goldens/unet-a/model");
    try (TensorStore store = ComponentWeights.open(folder); InputStream in = Files.newInputStream(
        folder.resolve("diffusion_pytorch_model.safetensors"))) {
      NDList expected = NDList.decode(manager, in);
      assertThat(store.names()).hasSize(expected.size());
      for (NDArray e : expected) {
        NDArray actual = store.load(e.getName(), manager);
        assertThat(actual.getShape()).as(e.getName()).isEqualTo(e.getShape());
        assertThat(actual.toFloatArray()).as(e.getName()).containsExactly(e.toType(
            ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray());
      }
      assertThat(((SafetensorsFile) store).metadata()).containsEntry("format", "pt");
    }
  }

  @Test
  void integerInputsKeepTheirType() {
    Path io = SharedFolder.resolve("goldens/unet-a/io.safetensors");
    try (SafetensorsFile store = SafetensorsFile.open(io)) {
      assertThat(store.load("timestep", manager).toLongArray()).containsExactly(981L, 1L);
    }
  }
}
