package dev.crossnet.core.model.unet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.api.image.Picture;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.model.Goldens;
import dev.crossnet.core.model.ImageAdapter;
import dev.crossnet.core.model.clip.ClipImageProcessor;
import dev.crossnet.core.model.clip.ClipVisionConfig;
import dev.crossnet.core.model.clip.ClipVisionModel;
import dev.crossnet.core.nn.AttentionHook;
import dev.crossnet.core.nn.GradMode;
import dev.crossnet.core.testing.OpenResources;
import dev.crossnet.core.weights.WeightsException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IP-Adapter Plus: its resampler against the reference implementation (tencent-ailab/IP-Adapter's
 * {@code Resampler}, golden made by {@code tools/goldens/ip_adapter_plus.py}: 24-wide features, 16-wide queries and
 * tokens, 4 queries, 2 blocks of 2 heads of 4), loaded in the published layout beside a UNet's image keys and values.
 */
class IpAdapterPlusTest {

  private static final int HEAD_DIM = 4;

  private static Path golden(String file) throws Exception {
    return Path.of(IpAdapterPlusTest.class.getResource("/dev/crossnet/core/ip-adapter-plus/" + file).toURI());
  }

  /** An adapter file for the tiny SD 1.x UNet: the golden resampler and random image keys and values, edited. */
  private static Path adapterFile(Path dir, UNet2DConditionModel unet, NDManager m,
      Consumer<Map<String, NDArray>> edit) throws Exception {
    Map<String, NDArray> w = new LinkedHashMap<>(Goldens.read(golden("image_proj.safetensors"), m));
    TinyIpAdapters.weights(unet, m).forEach((name, a) -> {
      if (name.startsWith("ip_adapter.")) {
        w.put(name, a);
      }
    });
    edit.accept(w);
    NDList list = new NDList();
    w.forEach((name, a) -> {
      a.setName(name);
      list.add(a);
    });
    Path file = dir.resolve("ip-adapter-plus.safetensors");
    try (OutputStream out = Files.newOutputStream(file)) {
      list.encode(out, NDList.Encoding.SAFETENSORS);
    }
    return file;
  }

  @Test
  void theResamplerMatchesTheReferenceAndFeedsTheUnet(@TempDir Path dir) throws Exception {
    try (NDManager m = OfflineEngine.get().newBaseManager(); GradMode off = GradMode.disabled()) {
      UNet2DConditionModel unet = TinyUnets.random(TinyUnets.SD1, m);
      IpAdapter ip = IpAdapter.load(adapterFile(dir, unet, m, w -> { }), unet, HEAD_DIM, m);
      assertThat(ip.readsPatchFeatures()).isTrue();
      assertThat(ip.projection()).isInstanceOf(PlusImageProjection.class);
      assertThat(((PlusImageProjection) ip.projection()).depth()).isEqualTo(2);
      assertThat(ip.tokens()).isEqualTo(4);
      assertThat(ip.embedDim()).isEqualTo(24);
      assertThat(ip.tokenDim()).isEqualTo(16);
      Map<String, NDArray> io = Goldens.read(golden("io.safetensors"), m);
      NDArray tokens = ip.project(io.get("features"));
      assertThat(tokens.getShape()).isEqualTo(new Shape(2, 4, 16));
      assertThat(Goldens.maxAbsDiff(tokens, io.get("tokens"))).isLessThan(1e-4f);

      NDArray sample = m.randomNormal(new Shape(2, 4, 16, 16));
      NDArray t = m.create(new float[] {981, 1});
      NDArray text = m.randomNormal(new Shape(2, 7, 16));
      NDArray plain = unet.forward(sample, t, text);
      NDArray withImage = unet.forward(sample, t, text, AttentionHook.NONE, new ImagePrompt(ip, tokens, 0.7f));
      NDArray atZero = unet.forward(sample, t, text, AttentionHook.NONE, new ImagePrompt(ip, tokens, 0f));
      assertThat(Goldens.maxAbsDiff(withImage, plain)).isGreaterThan(1e-4f);
      assertThat(Goldens.maxAbsDiff(atZero, plain)).isLessThan(1e-5f);
    }
  }

  @Test
  void aResamplerThatDoesNotFitIsRefusedNamingTheTensor(@TempDir Path dir) throws Exception {
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      UNet2DConditionModel unet = TinyUnets.random(TinyUnets.SD1, m);
      Path wide = adapterFile(dir, unet, m, w -> {
        w.put("image_proj.proj_out.weight", m.zeros(new Shape(24, 16)));
        w.put("image_proj.proj_out.bias", m.zeros(new Shape(24)));
      });
      assertThatThrownBy(() -> IpAdapter.load(wide, unet, HEAD_DIM, m)).isInstanceOf(WeightsException.class)
          .hasMessageContaining("image_proj.proj_out.weight").hasMessageContaining("cross-attention width is 16");
      Path golden = adapterFile(dir, unet, m, w -> { });
      assertThatThrownBy(() -> IpAdapter.load(golden, unet, m)).isInstanceOf(WeightsException.class)
          .hasMessageContaining("image_proj.layers.0.0.to_q.weight").hasMessageContaining("heads of 64");
      Path noProjIn = adapterFile(dir, unet, m, w -> w.remove("image_proj.proj_in.weight"));
      assertThatThrownBy(() -> IpAdapter.load(noProjIn, unet, HEAD_DIM, m)).isInstanceOf(WeightsException.class)
          .hasMessageContaining("missing tensor 'image_proj.proj_in.weight'");
    }
  }

  @Test
  void aSubjectIsReadThroughTheEncodersPatchFeatures(@TempDir Path dir) throws Exception {
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      UNet2DConditionModel unet = TinyUnets.random(TinyUnets.SD1, m);
      IpAdapter ip = IpAdapter.load(adapterFile(dir, unet, m, w -> { }), unet, HEAD_DIM, m);
      ClipVisionConfig wrongWidth = new ClipVisionConfig(32, 64, 2, 4, 3, 32, 8, 24, "quick_gelu", 1e-5f);
      ClipVisionModel narrow = ClipVisionModel.initialise(wrongWidth, 3, m);
      assertThatThrownBy(() -> new ImageAdapter(narrow, ClipImageProcessor.openAi(), ip))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("patch features of 32 values")
          .hasMessageContaining("Plus resampler reads features of 24");

      ClipVisionConfig config = new ClipVisionConfig(24, 48, 2, 4, 3, 32, 8, 16, "quick_gelu", 1e-5f);
      ClipImageProcessor processor = new ClipImageProcessor(true, 32, ClipImageProcessor.openAi().resample(), true,
          32, 32, true, 1 / 255f, true, ClipImageProcessor.openAi().mean(), ClipImageProcessor.openAi().std());
      ImageAdapter adapter = new ImageAdapter(ClipVisionModel.initialise(config, 3, m), processor, ip);
      int before = OpenResources.count(m);
      NDArray red = adapter.promptTokens(List.of(Picture.filled(20, 12, 0xC03020)), List.of(Optional.empty()), m);
      NDArray blue = adapter.promptTokens(List.of(Picture.filled(20, 12, 0x2030C0)), List.of(Optional.empty()), m);
      NDArray empty = adapter.emptyPromptTokens(m);
      assertThat(OpenResources.count(m)).as("only the three results stay").isEqualTo(before + 3);
      assertThat(red.getShape()).isEqualTo(new Shape(1, 4, 16));
      assertThat(empty.getShape()).isEqualTo(new Shape(1, 4, 16));
      assertThat(Goldens.maxAbsDiff(red, blue)).isGreaterThan(1e-4f);
      assertThat(Goldens.maxAbsDiff(red, empty)).isGreaterThan(1e-4f);
    }
  }
}
