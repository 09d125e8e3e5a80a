package dev.crossnet.core.defaultmodel;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.api.plugin.PluginRegistry;
import dev.crossnet.api.sampler.SamplerProvider;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.model.clip.ClipTextModel;
import dev.crossnet.core.model.unet.UNet2DConditionModel;
import dev.crossnet.core.model.vae.AutoencoderKL;
import dev.crossnet.core.nn.GradMode;
import dev.crossnet.core.pipeline.TextToImage;
import dev.crossnet.core.pipeline.TextToImageRequest;
import dev.crossnet.core.text.PromptTokenizer;
import dev.crossnet.core.text.PromptTokenizers;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model shipped in the library's resources: extractable through files.txt, loadable, and it draws. */
class ShippedDefaultModelTest {

  private static final String ROOT = "/dev/crossnet/core/defaultmodel/figureworld/";

  @TempDir static Path dir;

  @BeforeAll
  static void extract() throws Exception {
    try (InputStream list = ShippedDefaultModelTest.class.getResourceAsStream(ROOT + DefaultModelExporter.FILE_LIST)) {
      assertThat(list).as("the shipped model's " + DefaultModelExporter.FILE_LIST).isNotNull();
      for (String file : new String(list.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (file.isBlank()) {
          continue;
        }
        try (InputStream in = ShippedDefaultModelTest.class.getResourceAsStream(ROOT + file)) {
          assertThat(in).as(file).isNotNull();
          Path target = dir.resolve(file);
          Files.createDirectories(target.getParent());
          Files.copy(in, target);
        }
      }
    }
  }

  @Test
  void aTwoStepTextToImageIsA64PixelSquareAndRepeatable() throws Exception {
    try (NDManager m = OfflineEngine.get().newBaseManager(); GradMode off = GradMode.disabled()) {
      UNet2DConditionModel unet = UNet2DConditionModel.load(dir.resolve("unet"), m);
      ClipTextModel text = ClipTextModel.load(dir.resolve("text_encoder"), m);
      AutoencoderKL vae = AutoencoderKL.load(dir.resolve("vae"), m);
      PromptTokenizer tokenizer = PromptTokenizers.load(dir.resolve("tokenizer"));
      TextToImage t2i = new TextToImage(ComponentAdapters.predictor(unet), ComponentAdapters.prompts(tokenizer, text),
          ComponentAdapters.codec(vae), PluginConfig.readJson(dir.resolve("scheduler/scheduler_config.json")),
          PluginRegistry.discover(SamplerProvider.class, "sampler", ""));
      TextToImageRequest request = TextToImageRequest.of("a big red robot waving on the grass")
          .withSampler("ddim", 2).withSeed(3);
      Picture first = t2i.generate(request, m);
      Picture second = t2i.generate(request, m);
      assertThat(first.width()).isEqualTo(64);
      assertThat(first.height()).isEqualTo(64);
      assertThat(second).isEqualTo(first);
      assertThat(t2i.generate(request.withSeed(4), m)).isNotEqualTo(first);
    }
  }

  @Test
  void everyCaptionWordIsOneTokenOfTheShippedTokenizer() {
    PromptTokenizer tokenizer = PromptTokenizers.load(dir.resolve("tokenizer"));
    for (String w : List.copyOf(dev.crossnet.core.figureworld.CaptionVocabulary.words())) {
      assertThat(tokenizer.tokenize(w)).as(w).hasSize(1);
    }
  }
}
