package dev.crossnet.core.model.unet;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.crossnet.core.model.Goldens;
import dev.crossnet.core.nn.AttentionHook;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The plain IP-Adapter against diffusers 0.25 on the {@code unet-ipadapter-a} golden. */
class IpAdapterGoldenTest {

  private static final String GOLDEN = "unet-ipadapter-a";

  private static JsonObject caseJson() throws Exception {
    Path dir = Goldens.folder(GOLDEN);
    return JsonParser.parseString(Files.readString(dir.resolve("case.json"))).getAsJsonObject();
  }

  private static IpAdapter adapter(Goldens.Case g, UNet2DConditionModel unet) {
    return IpAdapter.load(Goldens.folder(GOLDEN).resolve("ip_adapter.safetensors"), unet, g.manager());
  }

  @Test
  void keyIdsServeTheLayersDiffusersGaveThem() throws Exception {
    try (Goldens.Case g = Goldens.open(GOLDEN)) {
      UNet2DConditionModel unet = UNet2DConditionModel.load(g.model(), g.manager());
      IpAdapter ip = adapter(g, unet);
      Map<Integer, String> expected = new TreeMap<>();
      caseJson().getAsJsonObject("ip_adapter_key_ids").entrySet()
          .forEach(e -> expected.put(Integer.parseInt(e.getKey()), e.getValue().getAsString()));
      assertThat(ip.keyIds()).containsExactlyEntriesOf(expected);
      assertThat(ip.tokens()).isEqualTo(caseJson().get("num_image_tokens").getAsInt());
      assertThat(ip.embedDim()).isEqualTo(caseJson().get("clip_embed_dim").getAsInt());
    }
  }

  @Test
  void projectsImageEmbeddingsIntoTheImagePromptTokens() throws Exception {
    try (Goldens.Case g = Goldens.open(GOLDEN)) {
      IpAdapter ip = adapter(g, UNet2DConditionModel.load(g.model(), g.manager()));
      NDArray tokens = ip.project(g.io("image_embeds"));
      assertThat(tokens.getShape()).isEqualTo(g.io("image_prompt_embeds").getShape());
      assertThat(g.error(tokens, "image_prompt_embeds")).isLessThan(1e-4f);
    }
  }

  @Test
  void matchesDiffusersWithTheAdapterAtTheCaseScale() throws Exception {
    try (Goldens.Case g = Goldens.open(GOLDEN)) {
      UNet2DConditionModel unet = UNet2DConditionModel.load(g.model(), g.manager());
      IpAdapter ip = adapter(g, unet);
      float scale = caseJson().get("scale").getAsFloat();
      ImagePrompt prompt = new ImagePrompt(ip, ip.project(g.io("image_embeds")), scale);
      NDArray out = unet.forward(g.io("sample"), g.io("timestep"), g.io("encoder_hidden_states"),
          AttentionHook.NONE, prompt);
      assertThat(out.getShape()).isEqualTo(g.io("out").getShape());
      assertThat(g.error(out, "out")).isLessThan(1e-4f);
    }
  }

  @Test
  void theBaseUnetWithoutAdapterMatchesDiffusersTextOnly() throws Exception {
    try (Goldens.Case g = Goldens.open(GOLDEN)) {
      UNet2DConditionModel unet = UNet2DConditionModel.load(g.model(), g.manager());
      NDArray out = unet.forward(g.io("sample"), g.io("timestep"), g.io("encoder_hidden_states"));
      assertThat(g.error(out, "out_no_adapter")).isLessThan(1e-4f);
    }
  }

  @Test
  void scaleZeroGivesTheOutputWithoutAdapter() throws Exception {
    try (Goldens.Case g = Goldens.open(GOLDEN)) {
      UNet2DConditionModel unet = UNet2DConditionModel.load(g.model(), g.manager());
      IpAdapter ip = adapter(g, unet);
      NDArray text = g.io("encoder_hidden_states");
      NDArray with = unet.forward(g.io("sample"), g.io("timestep"), text, AttentionHook.NONE,
          new ImagePrompt(ip, ip.project(g.io("image_embeds")), 0f));
      NDArray without = unet.forward(g.io("sample"), g.io("timestep"), text);
      assertThat(Goldens.maxAbsDiff(with, without)).isEqualTo(0f);
    }
  }
}
