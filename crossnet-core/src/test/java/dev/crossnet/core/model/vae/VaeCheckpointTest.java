package dev.crossnet.core.model.vae;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.model.Goldens;
import dev.crossnet.core.model.JsonConfig;
import dev.crossnet.core.nn.GradMode;
import dev.crossnet.core.weights.MemoryTensorStore;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

// GradMode resources switch a thread mode for the block; they are not used in it.
@SuppressWarnings("try")
class VaeCheckpointTest {

  private static Path model() {
    return Goldens.folder("vae-a").resolve("model");
  }

  @Test
  void namedParametersAreExactlyTheCheckpointKeys() {
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      AutoencoderKL vae = AutoencoderKL.load(model(), m);
      MemoryTensorStore store = MemoryTensorStore.read(model().resolve("diffusion_pytorch_model.safetensors"), m);
      assertThat(vae.namedParameters().keySet()).containsExactlyInAnyOrderElementsOf(store.names());
    }
  }

  @Test
  void preDiffusers014AttentionNamesLoadAsTheCurrentOnes() throws Exception {
    try (NDManager m = OfflineEngine.get().newBaseManager(); GradMode off = GradMode.disabled()) {
      Map<String, NDArray> legacy = new LinkedHashMap<>();
      MemoryTensorStore.read(model().resolve("diffusion_pytorch_model.safetensors"), m).arrays()
          .forEach((name, a) -> legacy.put(name.replace(".to_q.", ".query.").replace(".to_k.", ".key.")
              .replace(".to_v.", ".value.").replace(".to_out.0.", ".proj_attn."), a));
      assertThat(legacy).containsKey("decoder.mid_block.attentions.0.proj_attn.weight");
      VaeConfig config = VaeConfig.from(JsonConfig.read(model().resolve("config.json")));
      AutoencoderKL vae = AutoencoderKL.create(config, new MemoryTensorStore(Path.of("legacy"), legacy), m);
      Map<String, NDArray> io = Goldens.read(Goldens.folder("vae-a").resolve("io.safetensors"), m);
      assertThat(Goldens.maxAbsDiff(vae.decode(io.get("latent")), io.get("decoded"))).isLessThan(1e-4f);
    }
  }
}
