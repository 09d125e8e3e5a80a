package dev.crossnet.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelIndexTest {

  @Test
  void readsComponentsAndSkipsNullOnes(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("model_index.json"), """
        {"_class_name": "StableDiffusionPipeline", "_diffusers_version": "0.25.0",
         "unet": ["diffusers", "UNet2DConditionModel"], "vae": ["diffusers", "AutoencoderKL"],
         "safety_checker": [null, null], "requires_safety_checker": false}
        """);
    ModelIndex index = ModelIndex.read(dir);
    assertThat(index.pipelineClass()).isEqualTo("StableDiffusionPipeline");
    assertThat(index.components()).containsOnlyKeys("unet", "vae");
    assertThat(index.component("unet")).contains(new ModelIndex.Component("diffusers", "UNet2DConditionModel"));
  }

  @Test
  void roundTripsThroughItsFile(@TempDir Path dir) throws IOException {
    Map<String, ModelIndex.Component> components = new LinkedHashMap<>();
    components.put("unet", new ModelIndex.Component("diffusers", "UNet2DConditionModel"));
    components.put("tokenizer", new ModelIndex.Component("transformers", "CLIPTokenizer"));
    ModelIndex index = new ModelIndex("StableDiffusionPipeline", components);
    index.write(dir, "0.25.0");
    assertThat(ModelIndex.read(dir)).isEqualTo(index);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("model_index.json");
    }
  }

  @Test
  void aFolderWithoutAnIndexSaysWhatAModelFolderHolds(@TempDir Path dir) {
    assertThatThrownBy(() -> ModelIndex.read(dir))
        .hasMessageContaining(dir.toString())
        .hasMessageContaining("model_index.json")
        .hasMessageContaining("unet/");
  }

  @Test
  void aMalformedComponentIsNamed(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("model_index.json"), "{\"unet\": [\"diffusers\"]}");
    assertThatThrownBy(() -> ModelIndex.read(dir)).hasMessageContaining("'unet'");
  }

  @Test
  void schedulerClassesMapToSamplersBothWays() {
    assertThat(SchedulerClasses.samplerFor("EulerDiscreteScheduler")).contains("euler");
    assertThat(SchedulerClasses.samplerFor("PNDMScheduler")).isEmpty();
    assertThat(SchedulerClasses.classFor("ddim")).contains("DDIMScheduler");
  }
}
