package dev.crossnet.core.model.unet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.weights.WeightsException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adapter files that do not fit the UNet fail naming the file and the tensor. */
class IpAdapterFileErrorsTest {

  @TempDir
  Path dir;

  private NDManager m;
  private UNet2DConditionModel unet;
  private Path file;

  @BeforeEach
  void setUp() {
    m = OfflineEngine.get().newBaseManager();
    unet = TinyUnets.random(TinyUnets.SMALL, m);
    file = dir.resolve("ip_adapter.safetensors");
  }

  @AfterEach
  void tearDown() {
    m.close();
  }

  @Test
  void aCompleteFileLoadsWithItsShapesAndNames() throws Exception {
    TinyIpAdapters.write(file, unet, m, w -> {});
    IpAdapter ip = IpAdapter.load(file, unet, m);
    assertThat(ip.tokens()).isEqualTo(TinyIpAdapters.TOKENS);
    assertThat(ip.embedDim()).isEqualTo(TinyIpAdapters.EMBED_DIM);
    assertThat(ip.tokenDim()).isEqualTo(8);
    assertThat(ip.keyIds().keySet()).containsExactly(1, 3, 5, 7);
    assertThat(ip.namedParameters().keySet()).containsExactlyInAnyOrderElementsOf(
        TinyIpAdapters.weights(unet, m).keySet());
  }

  @Test
  void aMissingKeyProjectionIsNamedWithTheFile() throws Exception {
    TinyIpAdapters.write(file, unet, m, w -> w.remove("ip_adapter.3.to_v_ip.weight"));
    assertThatThrownBy(() -> IpAdapter.load(file, unet, m))
        .isInstanceOf(WeightsException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("missing tensor 'ip_adapter.3.to_v_ip.weight'");
  }

  @Test
  void aMisShapedProjectionIsNamedWithBothShapes() throws Exception {
    TinyIpAdapters.write(file, unet, m, w -> w.put("ip_adapter.1.to_k_ip.weight", m.zeros(new Shape(16, 12))));
    assertThatThrownBy(() -> IpAdapter.load(file, unet, m))
        .isInstanceOf(WeightsException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("'ip_adapter.1.to_k_ip.weight' has shape (16, 12)")
        .hasMessageContaining("(16, 8)");
  }

  @Test
  void aMisShapedNormIsNamed() throws Exception {
    TinyIpAdapters.write(file, unet, m, w -> w.put("image_proj.norm.bias", m.zeros(new Shape(12))));
    assertThatThrownBy(() -> IpAdapter.load(file, unet, m))
        .isInstanceOf(WeightsException.class)
        .hasMessageContaining("'image_proj.norm.bias' has shape (12)");
  }

  @Test
  void aMissingImageProjectionIsNamed() throws Exception {
    TinyIpAdapters.write(file, unet, m, w -> w.remove("image_proj.proj.weight"));
    assertThatThrownBy(() -> IpAdapter.load(file, unet, m))
        .isInstanceOf(WeightsException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("missing tensor 'image_proj.proj.weight'");
  }

  @Test
  void anImageProjectionNotMadeOfWholeTokensIsRefused() throws Exception {
    TinyIpAdapters.write(file, unet, m, w -> w.put("image_proj.proj.weight", m.zeros(new Shape(30, 12))));
    assertThatThrownBy(() -> IpAdapter.load(file, unet, m))
        .isInstanceOf(WeightsException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("'image_proj.proj.weight' has shape (30, 12)")
        .hasMessageContaining("tokens x 8");
  }

  @Test
  void aFileForAnotherNumberOfLayersIsRefused() throws Exception {
    TinyIpAdapters.write(file, unet, m, w -> {
      w.remove("ip_adapter.7.to_k_ip.weight");
      w.remove("ip_adapter.7.to_v_ip.weight");
    });
    assertThatThrownBy(() -> IpAdapter.load(file, unet, m))
        .isInstanceOf(WeightsException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("projections for 3 attention layers (ids [1, 3, 5])")
        .hasMessageContaining("4 cross-attention layers (ids [1, 3, 5, 7])");
  }

  @Test
  void aLayerIdTheUnetDoesNotHaveIsNamed() throws Exception {
    TinyIpAdapters.write(file, unet, m, w -> {
      w.put("ip_adapter.9.to_k_ip.weight", w.remove("ip_adapter.7.to_k_ip.weight"));
      w.put("ip_adapter.9.to_v_ip.weight", w.remove("ip_adapter.7.to_v_ip.weight"));
    });
    assertThatThrownBy(() -> IpAdapter.load(file, unet, m))
        .isInstanceOf(WeightsException.class)
        .hasMessageContaining("missing tensor 'ip_adapter.7.to_k_ip.weight'")
        .hasMessageContaining("unexpected tensor 'ip_adapter.9.to_k_ip.weight'");
  }
}
