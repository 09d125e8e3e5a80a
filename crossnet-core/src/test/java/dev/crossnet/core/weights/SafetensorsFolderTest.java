package dev.crossnet.core.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsFolderTest extends ManagerPerTest {

  @TempDir Path dir;
  private void single(String fileName, String tensor, float value) {
    SafetensorsWriter.write(dir.resolve(fileName), Map.of(tensor, manager.create(new float[] {value})));
  }

  @Test
  void opensTheDiffusersFile() {
    single("diffusion_pytorch_model.safetensors", "conv_in.weight", 1);
    try (TensorStore store = ComponentWeights.open(dir)) {
      assertThat(store.names()).containsExactly("conv_in.weight");
    }
  }

  @Test
  void opensTheTransformersFile() {
    single("model.safetensors", "text_model.embeddings.position_ids", 1);
    try (TensorStore store = ComponentWeights.open(dir)) {
      assertThat(store.source().getFileName().toString()).isEqualTo("model.safetensors");
    }
  }

  @Test
  void opensAVariantOnlyWhenAskedFor() {
    single("diffusion_pytorch_model.safetensors", "full", 1);
    single("diffusion_pytorch_model.fp16.safetensors", "half", 1);
    try (TensorStore store = ComponentWeights.open(dir, "fp16")) {
      assertThat(store.names()).containsExactly("half");
    }
  }

  @Test
  void opensShardsThroughTheIndex() throws IOException {
    single("diffusion_pytorch_model-00001-of-00002.safetensors", "a", 1);
    single("diffusion_pytorch_model-00002-of-00002.safetensors", "b", 2);
    Files.writeString(dir.resolve("diffusion_pytorch_model.safetensors.index.json"),
        "{\"metadata\":{\"total_size\":8},\"weight_map\":{\"a\":\"diffusion_pytorch_model-00001-of-00002.safetensors\","
            + "\"b\":\"diffusion_pytorch_model-00002-of-00002.safetensors\"}}");
    try (TensorStore store = ComponentWeights.open(dir)) {
      assertThat(store.names()).containsExactly("a", "b");
      assertThat(store.load("b", manager).toFloatArray()).containsExactly(2f);
      assertThat(store.sourceOf("b").getFileName().toString())
          .isEqualTo("diffusion_pytorch_model-00002-of-00002.safetensors");
    }
  }

  @Test
  void anIndexNamingAMissingShardIsRefused() throws IOException {
    Files.writeString(dir.resolve("model.safetensors.index.json"), "{\"weight_map\":{\"a\":\"model-1.safetensors\"}}");
    assertThatThrownBy(() -> ComponentWeights.open(dir)).isInstanceOf(WeightsException.class)
        .hasMessageContaining("names shard 'model-1.safetensors'");
  }

  @Test
  void anIndexPointingOutsideItsFolderIsRefused() throws IOException {
    Files.writeString(dir.resolve("model.safetensors.index.json"), "{\"weight_map\":{\"a\":\"../x.safetensors\"}}");
    assertThatThrownBy(() -> ComponentWeights.open(dir)).isInstanceOf(WeightsException.class)
        .hasMessageContaining("is not a file in that folder");
  }

  @Test
  void anIndexPlacingATensorInTheWrongShardIsRefused() throws IOException {
    single("model-1.safetensors", "a", 1);
    Files.writeString(dir.resolve("model.safetensors.index.json"), "{\"weight_map\":{\"b\":\"model-1.safetensors\"}}");
    assertThatThrownBy(() -> ComponentWeights.open(dir)).isInstanceOf(WeightsException.class)
        .hasMessageContaining("puts tensor 'b' in").hasMessageContaining("no such tensor");
  }

  @Test
  void aFolderWithOnlyAPickleCheckpointExplainsHowToConvert() throws IOException {
    Files.write(dir.resolve("diffusion_pytorch_model.bin"), new byte[] {1});
    assertThatThrownBy(() -> ComponentWeights.open(dir)).isInstanceOf(WeightsException.class)
        .hasMessageContaining(dir.toString()).hasMessageContaining("diffusion_pytorch_model.bin")
        .hasMessageContaining("not supported").hasMessageContaining("save_file");
  }

  @Test
  void anEmptyFolderSaysWhatWasExpected() {
    assertThatThrownBy(() -> ComponentWeights.open(dir)).isInstanceOf(WeightsException.class)
        .hasMessageContaining(dir.toString()).hasMessageContaining("diffusion_pytorch_model.safetensors")
        .hasMessageContaining("no files");
  }

  @Test
  void aMissingFolderIsNamed() {
    Path missing = dir.resolve("unet");
    assertThatThrownBy(() -> ComponentWeights.open(missing)).isInstanceOf(WeightsException.class)
        .hasMessageContaining(missing + " is not a folder");
  }
}
