package dev.crossnet.core.defaultmodel;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.assertj.core.data.Offset;
import com.google.gson.JsonParser;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.figureworld.CaptionVocabulary;
import dev.crossnet.core.model.ModelIndex;
import dev.crossnet.core.model.clip.ClipTextModel;
import dev.crossnet.core.model.unet.UNet2DConditionModel;
import dev.crossnet.core.model.vae.AutoencoderKL;
import dev.crossnet.core.text.PromptTokenizer;
import dev.crossnet.core.text.PromptTokenizers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultModelExporterTest {

  @TempDir Path dir;

  @Test
  void everyComponentOfTheExportedFolderLoadsWithTheSameWeights() {
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      DiffusionNetworks networks = TinyModels.networks(m);
      AutoencoderKL vae = TinyModels.vae(m);
      DefaultModelExporter.export(dir, TinyModels.CONFIG, vae, 0.5, networks, TinyModels.VOCABULARY);

      UNet2DConditionModel unet = UNet2DConditionModel.load(dir.resolve("unet"), m);
      ClipTextModel text = ClipTextModel.load(dir.resolve("text_encoder"), m);
      AutoencoderKL vae2 = AutoencoderKL.load(dir.resolve("vae"), m);

      assertThat(unet.namedParameters().keySet()).isEqualTo(networks.unet().namedParameters().keySet());
      String name = "conv_in.weight";
      assertThat(unet.namedParameters().get(name).toFloatArray())
          .containsExactly(networks.unet().namedParameters().get(name).toFloatArray());
      assertThat(text.config().maxPositions()).isEqualTo(TinyModels.CONFIG.maxTokens());
      assertThat(vae2.scalingFactor()).isEqualTo(0.5f);
    }
  }

  @Test
  void halfPrecisionWeightsLoadAsFloat32CloseToTheTrainedOnes() throws Exception {
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      DiffusionNetworks networks = TinyModels.networks(m);
      DefaultModelExporter.export(dir, TinyModels.CONFIG, TinyModels.vae(m), 0.5, networks, TinyModels.VOCABULARY,
          DataType.FLOAT16);
      UNet2DConditionModel unet = UNet2DConditionModel.load(dir.resolve("unet"), m);
      String name = "conv_in.weight";
      assertThat(unet.namedParameters().get(name).getDataType()).isEqualTo(DataType.FLOAT32);
      assertThat(unet.namedParameters().get(name).toFloatArray())
          .containsExactly(networks.unet().namedParameters().get(name).toFloatArray(), Offset.offset(2e-3f));
      Path full = dir.resolve("float32");
      DefaultModelExporter.export(full, TinyModels.CONFIG, TinyModels.vae(m), 0.5, networks, TinyModels.VOCABULARY);
      String weights = "unet/diffusion_pytorch_model.safetensors";
      assertThat(Files.size(dir.resolve(weights))).isLessThan(Files.size(full.resolve(weights)) * 6 / 10);
      ClipTextModel.load(dir.resolve("text_encoder"), m);
      AutoencoderKL.load(dir.resolve("vae"), m);
    }
  }

  @Test
  void theTokenizerHasTheEncodersLengthAndOneTokenPerCaptionWord() {
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      TinyModels.export(dir, m);
    }
    PromptTokenizer t = PromptTokenizers.load(dir.resolve("tokenizer"));
    assertThat(t.maxLength()).isEqualTo(TinyModels.CONFIG.maxTokens());
    for (String w : CaptionVocabulary.words()) {
      assertThat(t.tokenize(w)).as(w).hasSize(1);
    }
    assertThat(t.eosId()).isEqualTo(TinyModels.VOCABULARY.vocabulary().size() - 1);
  }

  @Test
  void theIndexNamesTheComponentsAndTheFileListNamesEveryFile() throws Exception {
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      TinyModels.export(dir, m);
    }
    ModelIndex index = ModelIndex.read(dir);
    assertThat(index.components().keySet())
        .containsExactlyInAnyOrder("scheduler", "text_encoder", "tokenizer", "unet", "vae");
    List<String> listed = Files.readAllLines(dir.resolve(DefaultModelExporter.FILE_LIST));
    List<String> present;
    try (Stream<Path> s = Files.walk(dir)) {
      present = s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString())
          .filter(p -> !p.equals(DefaultModelExporter.FILE_LIST)).sorted().toList();
    }
    assertThat(listed).isEqualTo(present).contains("unet/diffusion_pytorch_model.safetensors",
        "text_encoder/model.safetensors", "vae/diffusion_pytorch_model.safetensors", "tokenizer/vocab.json",
        "scheduler/scheduler_config.json");
    assertThat(JsonParser.parseString(Files.readString(dir.resolve("scheduler/scheduler_config.json")))
        .getAsJsonObject().get("_class_name").getAsString()).isEqualTo("DDIMScheduler");
  }
}
