package dev.crossnet.core.model;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.model.clip.ClipTextConfig;
import dev.crossnet.core.model.vae.VaeConfig;
import dev.crossnet.core.testing.TinyModelFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model folder with an absurd config or pickle-only weights fails at once, naming the file and the fix. */
class ModelFolderBadInputTest {

  @TempDir Path dir;
  private Path model;
  private NDManager manager;

  @BeforeEach
  void assemble() {
    model = TinyModelFolder.assemble(dir.resolve("model"));
    manager = OfflineEngine.get().newBaseManager();
  }

  @AfterEach
  void close() {
    manager.close();
  }

  private void edit(Path config, String key, com.google.gson.JsonElement value) throws IOException {
    JsonObject json = JsonParser.parseString(Files.readString(config)).getAsJsonObject();
    json.add(key, value);
    Files.writeString(config, json.toString());
  }

  @Test
  void anAbsurdUnetWidthNamesTheConfigFileAndKey() throws IOException {
    Path config = model.resolve("unet/config.json");
    JsonArray channels = JsonParser.parseString(Files.readString(config)).getAsJsonObject()
        .getAsJsonArray("block_out_channels");
    JsonArray absurd = new JsonArray();
    absurd.add(100000);
    for (int i = 1; i < channels.size(); i++) {
      absurd.add(channels.get(i));
    }
    edit(config, "block_out_channels", absurd);
    assertThatThrownBy(() -> DiffusionModel.load(model, manager))
        .hasMessageContaining(config.toString())
        .hasMessageContaining("'block_out_channels[0]' is 100000")
        .hasMessageContaining("outside the 1..8192")
        .hasMessageContaining("fix 'block_out_channels[0]'");
  }

  @Test
  void channelsThatGroupNormalisationCannotSplitAreRefused() throws IOException {
    Path config = model.resolve("unet/config.json");
    edit(config, "norm_num_groups", new com.google.gson.JsonPrimitive(7));
    assertThatThrownBy(() -> DiffusionModel.load(model, manager))
        .hasMessageContaining(config.toString()).hasMessageContaining("not a multiple of norm_num_groups 7");
  }

  @Test
  void anAbsurdVaeOrTextEncoderSizeIsRefusedBeforeAnyWeightIsRead() {
    assertThatThrownBy(() -> VaeConfig.from(JsonConfig.parse("vae/config.json", "{\"down_block_types\":"
        + "[\"DownEncoderBlock2D\"],\"up_block_types\":[\"UpDecoderBlock2D\"],\"block_out_channels\":[64],"
        + "\"latent_channels\":5000}")))
        .hasMessageContaining("vae/config.json: 'latent_channels' is 5000");
    assertThatThrownBy(() -> ClipTextConfig.from(JsonConfig.parse("text_encoder/config.json",
        "{\"hidden_size\":64,\"num_attention_heads\":4,\"num_hidden_layers\":100000}")))
        .hasMessageContaining("text_encoder/config.json: 'num_hidden_layers' is 100000");
  }

  @Test
  void aFolderWithOnlyPickleWeightsSaysHowToConvertThem() throws IOException {
    Path unet = model.resolve("unet");
    Files.move(unet.resolve("diffusion_pytorch_model.safetensors"), unet.resolve("diffusion_pytorch_model.bin"));
    assertThatThrownBy(() -> DiffusionModel.load(model, manager))
        .hasMessageContaining(unet.toString())
        .hasMessageContaining("diffusion_pytorch_model.bin")
        .hasMessageContaining("save_file(torch.load('diffusion_pytorch_model.bin'")
        .hasMessageContaining("safe_serialization=True");
  }

  @Test
  void aModelFolderThatDoesNotExistIsSaidToBeMissing() {
    Path missing = dir.resolve("no-such-model");
    assertThatThrownBy(() -> DiffusionModel.load(missing, manager))
        .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
  }
}
