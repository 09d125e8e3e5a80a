package dev.crossnet.core.model.unet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.model.Goldens;
import dev.crossnet.core.nn.AttentionCall;
import dev.crossnet.core.nn.AttentionHook;
import dev.crossnet.core.nn.GradMode;
import dev.crossnet.core.nn.KeyValues;
import dev.crossnet.core.weights.MemoryTensorStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The image prompt in the UNet's forward pass and the hook points of its attention part. */
class IpAdapterForwardTest {

  private NDManager m;
  private GradMode off;
  private UNet2DConditionModel unet;
  private IpAdapter ip;
  private NDArray x;
  private NDArray t;
  private NDArray text;
  private NDArray tokens;

  @BeforeEach
  void setUp() {
    m = OfflineEngine.get().newBaseManager();
    off = GradMode.disabled();
    unet = TinyUnets.random(TinyUnets.SMALL, m);
    ip = IpAdapter.create(new MemoryTensorStore(Path.of("tiny-ip"), TinyIpAdapters.weights(unet, m)), unet, m);
    x = m.randomNormal(new Shape(2, 4, 8, 8));
    t = m.create(new long[] {700, 700});
    text = m.randomNormal(new Shape(2, 5, 8));
    tokens = ip.project(m.randomNormal(new Shape(2, TinyIpAdapters.EMBED_DIM)));
  }

  @AfterEach
  void tearDown() {
    off.close();
    m.close();
  }

  private NDArray withImage(AttentionHook hook, NDArray imageTokens, float scale) {
    return unet.forward(x, t, text, hook, new ImagePrompt(ip, imageTokens, scale));
  }

  @Test
  void theImagePromptChangesTheOutputAndScaleZeroRemovesIt() {
    NDArray plain = unet.forward(x, t, text);
    assertThat(Goldens.maxAbsDiff(withImage(AttentionHook.NONE, tokens, 1f), plain)).isGreaterThan(1e-3f);
    assertThat(Goldens.maxAbsDiff(withImage(AttentionHook.NONE, tokens, 0f), plain)).isEqualTo(0f);
  }

  @Test
  void oneSetOfTokensServesTheWholeBatch() {
    NDArray one = tokens.get("0:1");
    NDArray repeated = one.repeat(0, 2);
    assertThat(Goldens.maxAbsDiff(withImage(AttentionHook.NONE, one, 0.7f),
        withImage(AttentionHook.NONE, repeated, 0.7f))).isLessThan(1e-6f);
  }

  @Test
  void aZeroImageWeightFromAHookRemovesTheImagePart() {
    AttentionHook nowhere = new AttentionHook() {
      @Override
      public NDArray imageWeight(AttentionCall call, NDManager manager) {
        return manager.zeros(new Shape(1, call.queries(), 1));
      }
    };
    assertThat(Goldens.maxAbsDiff(withImage(nowhere, tokens, 0.7f), unet.forward(x, t, text))).isEqualTo(0f);
  }

  @Test
  void textHooksSeeTheTextAndImageHooksTheImageTokens() {
    List<String> seen = new ArrayList<>();
    AttentionHook recorder = new AttentionHook() {
      @Override
      public KeyValues keysValues(AttentionCall call, NDArray queryInput, KeyValues projected) {
        if (call.cross()) {
          seen.add("text " + projected.keys().getShape().get(1));
        }
        return projected;
      }

      @Override
      public KeyValues imageKeysValues(AttentionCall call, NDArray queryInput, KeyValues projected) {
        seen.add("image " + call.layer() + " " + projected.keys().getShape().get(1));
        return projected;
      }
    };
    withImage(recorder, tokens, 0.7f);
    assertThat(seen).filteredOn(s -> s.startsWith("text")).hasSize(4).containsOnly("text 5");
    assertThat(seen).filteredOn(s -> s.startsWith("image")).hasSize(4)
        .allMatch(s -> s.endsWith(".attn2 4"));
  }

  @Test
  void repeatedForwardsLeaveOnlyTheirOutputsInTheCallersManager() {
    try (NDManager caller = OfflineEngine.get().newBaseManager()) {
      NDArray sample = x.duplicate();
      sample.attach(caller);
      NDArray steps = t.duplicate();
      steps.attach(caller);
      NDArray words = text.duplicate();
      words.attach(caller);
      NDArray image = tokens.duplicate();
      image.attach(caller);
      ImagePrompt prompt = new ImagePrompt(ip, image, 0.7f);
      int weightsBefore = m.getManagedArrays().size();
      int callerBefore = caller.getManagedArrays().size();
      for (int i = 0; i < 3; i++) {
        unet.forward(sample, steps, words, AttentionHook.NONE, prompt).close();
      }
      NDArray kept = unet.forward(sample, steps, words, AttentionHook.NONE, prompt);
      assertThat(caller.getManagedArrays()).hasSize(callerBefore + 1).contains(kept);
      assertThat(m.getManagedArrays()).hasSize(weightsBefore);
    }
  }

  @Test
  void anAdapterLoadedForAnotherUnetIsRefused() {
    UNet2DConditionModel other = TinyUnets.random(TinyUnets.SD1, m);
    NDArray sample = m.randomNormal(new Shape(1, 4, 8, 8));
    NDArray oneText = m.randomNormal(new Shape(1, 5, 16));
    assertThatThrownBy(() -> other.forward(sample, t.get("0:1"), oneText, AttentionHook.NONE,
        new ImagePrompt(ip, tokens.get("0:1"), 1f)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("loaded for another UNet");
  }

  @Test
  void tokensOfTheWrongWidthAreRefused() {
    assertThatThrownBy(() -> new ImagePrompt(ip, m.zeros(new Shape(2, 4, 16)), 1f))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[batch, tokens, 8]")
        .hasMessageContaining("(2, 4, 16)");
  }

  @Test
  void aHooksSeparateContextIsTheDecoupledAttentionOfTheImagePrompt() {
    AttentionHook separate = new AttentionHook() {
      @Override
      public List<SeparateContext> separateContexts(AttentionCall call, int batch, NDManager manager) {
        NDArray own = tokens.duplicate();
        own.attach(manager);
        return List.of(new SeparateContext(ip.imageKeysValues(call.layer(), own), 0.7f, null));
      }
    };
    NDArray viaPrompt = withImage(AttentionHook.NONE, tokens, 0.7f);
    NDArray viaHook = unet.forward(x, t, text, separate);
    assertThat(Goldens.maxAbsDiff(viaHook, viaPrompt)).isLessThan(1e-5f);
  }

  @Test
  void aSeparateContextWeightedZeroEverywhereChangesNothing() {
    AttentionHook nowhere = new AttentionHook() {
      @Override
      public List<SeparateContext> separateContexts(AttentionCall call, int batch, NDManager manager) {
        NDArray own = tokens.get("0:1").duplicate();
        own.attach(manager);
        return List.of(new SeparateContext(ip.imageKeysValues(call.layer(), own), 1f,
            manager.zeros(new Shape(1, call.queries(), 1))));
      }
    };
    assertThat(Goldens.maxAbsDiff(unet.forward(x, t, text, nowhere), unet.forward(x, t, text))).isLessThan(1e-6f);
  }

  @Test
  void freshAdaptersCopyTheTextKeysAndChangeNothingUntilTrained() {
    IpAdapter fresh = IpAdapter.initialise(unet, 12, 3, 9, m);
    assertThat(fresh.tokens()).isEqualTo(3);
    fresh.keyIds().forEach((id, layer) -> {
      NDArray own = unet.namedParameters().get(layer + ".to_k.weight");
      NDArray copy = fresh.namedParameters().get("ip_adapter." + id + ".to_k_ip.weight");
      assertThat(copy.toFloatArray()).containsExactly(own.toFloatArray());
    });
    NDArray freshTokens = fresh.project(m.randomNormal(new Shape(2, 12)));
    NDArray with = unet.forward(x, t, text, AttentionHook.NONE, new ImagePrompt(fresh, freshTokens, 1f));
    assertThat(Goldens.maxAbsDiff(with, unet.forward(x, t, text))).isLessThan(1e-6f);
  }
}
