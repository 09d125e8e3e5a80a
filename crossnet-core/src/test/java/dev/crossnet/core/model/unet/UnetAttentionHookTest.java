package dev.crossnet.core.model.unet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.nn.AttentionCall;
import dev.crossnet.core.nn.AttentionHook;
import dev.crossnet.core.nn.AttentionMapRecorder;
import dev.crossnet.core.nn.GradMode;
import dev.crossnet.core.nn.KeyValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UnetAttentionHookTest {

  private NDManager m;
  private GradMode off;
  private UNet2DConditionModel unet;
  private NDArray x;
  private NDArray t;
  private NDArray text;

  @BeforeEach
  void setUp() {
    m = OfflineEngine.get().newBaseManager();
    off = GradMode.disabled();
    unet = TinyUnets.random(TinyUnets.SMALL, m);
    x = m.randomNormal(new Shape(2, 4, 8, 8));
    t = m.create(new long[] {700, 700});
    text = m.randomNormal(new Shape(2, 3, 8));
  }

  @AfterEach
  void tearDown() {
    off.close();
    m.close();
  }

  @Test
  void everyAttentionLayerIsReportedByItsDiffusersPath() {
    Set<String> layers = new LinkedHashSet<>();
    unet.forward(x, t, text, new AttentionHook() {
      @Override
      public KeyValues keysValues(AttentionCall call, NDArray queryInput, KeyValues kv) {
        layers.add(call.layer());
        return kv;
      }
    });
    assertThat(layers).containsExactly(
        "down_blocks.0.attentions.0.transformer_blocks.0.attn1",
        "down_blocks.0.attentions.0.transformer_blocks.0.attn2",
        "mid_block.attentions.0.transformer_blocks.0.attn1",
        "mid_block.attentions.0.transformer_blocks.0.attn2",
        "up_blocks.1.attentions.0.transformer_blocks.0.attn1",
        "up_blocks.1.attentions.0.transformer_blocks.0.attn2",
        "up_blocks.1.attentions.1.transformer_blocks.0.attn1",
        "up_blocks.1.attentions.1.transformer_blocks.0.attn2");
  }

  @Test
  void crossAttentionMapsHaveOneColumnPerTextTokenAndRowsSummingToOne() {
    Map<String, Shape> shapes = new LinkedHashMap<>();
    Map<String, Float> rowErrors = new LinkedHashMap<>();
    unet.forward(x, t, text, new AttentionHook() {
      @Override
      public boolean observesMaps(AttentionCall call) {
        return call.cross();
      }

      @Override
      public void onAttentionMaps(AttentionCall call, long start, NDArray p) {
        shapes.put(call.layer(), p.getShape());
        rowErrors.put(call.layer(), p.sum(new int[] {3}).sub(1f).abs().max().getFloat());
      }
    });
    assertThat(shapes).hasSize(4);
    assertThat(shapes.get("down_blocks.0.attentions.0.transformer_blocks.0.attn2"))
        .isEqualTo(new Shape(2, 2, 64, 3));
    assertThat(shapes.get("mid_block.attentions.0.transformer_blocks.0.attn2")).isEqualTo(new Shape(2, 2, 16, 3));
    assertThat(rowErrors.values()).allMatch(e -> e < 1e-5f);
  }

  @Test
  void aHookThatKeepsTheKeysChangesNothing() {
    NDArray plain = unet.forward(x, t, text);
    NDArray hooked = unet.forward(x, t, text, new AttentionHook() {
      @Override
      public KeyValues keysValues(AttentionCall call, NDArray queryInput, KeyValues kv) {
        return new KeyValues(kv.keys(), kv.values());
      }
    });
    assertThat(hooked.sub(plain).abs().max().getFloat()).isEqualTo(0f);
  }

  @Test
  void frameZeroKeysAndValuesMakeFrameOneAttendToFrameZero() {
    AttentionHook crossFrame = new AttentionHook() {
      @Override
      public KeyValues keysValues(AttentionCall call, NDArray queryInput, KeyValues kv) {
        return call.cross() ? kv : new KeyValues(kv.keys().get("0:1"), kv.values().get("0:1"));
      }
    };
    NDArray plain = unet.forward(x, t, text);
    NDArray hooked = unet.forward(x, t, text, crossFrame);
    assertThat(hooked.get("0").sub(plain.get("0")).abs().max().getFloat()).isLessThan(1e-5f);
    assertThat(hooked.get("1").sub(plain.get("1")).abs().max().getFloat()).isGreaterThan(1e-3f);
  }

  @Test
  void extraKeysAndValuesAreAttendedTo() {
    Map<String, Long> keyCounts = new LinkedHashMap<>();
    AttentionHook subject = new AttentionHook() {
      @Override
      public KeyValues keysValues(AttentionCall call, NDArray queryInput, KeyValues kv) {
        if (!call.cross()) {
          return kv;
        }
        // Two extra tokens of the layer's width, made in the pass's own manager (freed with the layer).
        NDArray extra = kv.keys().getManager().ones(new Shape(2, 2, (long) call.heads() * call.headDim()));
        return new KeyValues(kv.keys().concat(extra, 1), kv.values().concat(extra, 1));
      }

      @Override
      public boolean observesMaps(AttentionCall call) {
        return call.cross();
      }

      @Override
      public void onAttentionMaps(AttentionCall call, long start, NDArray p) {
        keyCounts.put(call.layer(), p.getShape().get(3));
      }
    };
    NDArray plain = unet.forward(x, t, text);
    NDArray hooked = unet.forward(x, t, text, subject);
    assertThat(keyCounts.values()).containsOnly(5L);
    assertThat(hooked.sub(plain).abs().max().getFloat()).isGreaterThan(1e-4f);
  }

  @Test
  void theModelListsTheLayersHooksWillSee() {
    assertThat(unet.attentionLayers()).hasSize(8)
        .startsWith("down_blocks.0.attentions.0.transformer_blocks.0.attn1")
        .endsWith("up_blocks.1.attentions.1.transformer_blocks.0.attn2");
  }

  @Test
  void theRecorderKeepsHeadAveragedCrossAttentionMapsAfterTheForward() {
    try (AttentionMapRecorder recorder = new AttentionMapRecorder(m, AttentionCall::cross)) {
      unet.forward(x, t, text, recorder);
      NDArray map = recorder.maps().get("up_blocks.1.attentions.1.transformer_blocks.0.attn2");
      assertThat(map.getShape()).isEqualTo(new Shape(2, 64, 3));
      assertThat(map.sum(new int[] {2}).sub(1f).abs().max().getFloat()).isLessThan(1e-5f);
      assertThat(recorder.maps()).hasSize(4);
    }
  }

  @Test
  void composedHooksApplyTheirKeyValueChangesInOrder() {
    List<String> order = new ArrayList<>();
    AttentionHook first = new AttentionHook() {
      @Override
      public KeyValues keysValues(AttentionCall call, NDArray queryInput, KeyValues kv) {
        order.add("first");
        return new KeyValues(kv.keys().mul(0), kv.values());
      }
    };
    AttentionHook second = new AttentionHook() {
      @Override
      public KeyValues keysValues(AttentionCall call, NDArray queryInput, KeyValues kv) {
        order.add(kv.keys().abs().sum().getFloat() == 0f ? "second saw first" : "second alone");
        return kv;
      }
    };
    unet.forward(x, t, text, AttentionHook.compose(first, second));
    assertThat(order).hasSize(16).containsOnly("first", "second saw first");
  }

  @Test
  void keysOfTheWrongWidthAreRejectedNamingTheLayer() {
    AttentionHook bad = new AttentionHook() {
      @Override
      public KeyValues keysValues(AttentionCall call, NDArray queryInput, KeyValues kv) {
        return new KeyValues(kv.keys().get(":, :, 0:1"), kv.values());
      }
    };
    assertThatThrownBy(() -> unet.forward(x, t, text, bad))
        .hasMessageContaining("down_blocks.0.attentions.0.transformer_blocks.0.attn1")
        .hasMessageContaining("(2, 64, 1)");
  }

  @Test
  void keysAHookKeepsInItsOwnManagerGatherNothingThere() {
    try (NDManager cache = m.newSubManager()) {
      Map<String, KeyValues> cached = new LinkedHashMap<>();
      AttentionHook replay = new AttentionHook() {
        @Override
        public KeyValues keysValues(AttentionCall call, NDArray queryInput, KeyValues kv) {
          if (call.cross()) {
            return kv;
          }
          return cached.computeIfAbsent(call.layer(), k -> {
            NDArray keys = kv.keys().duplicate();
            NDArray values = kv.values().duplicate();
            cache.attachAll(keys, values);
            return new KeyValues(keys, values);
          });
        }
      };
      unet.forward(x, t, text, replay).close();
      int cachedArrays = cache.getManagedArrays().size();
      unet.forward(x, t, text, replay).close();
      unet.forward(x, t, text, replay).close();
      assertThat(cachedArrays).isEqualTo(8);
      assertThat(cache.getManagedArrays()).hasSize(cachedArrays);
    }
  }
}
