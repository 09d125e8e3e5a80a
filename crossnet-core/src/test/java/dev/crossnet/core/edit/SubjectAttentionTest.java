package dev.crossnet.core.edit;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.core.edit.branch.SubjectAttentionBranch;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.model.DiffusionModel;
import dev.crossnet.core.model.clip.TokenEmbeddingOverrides;
import dev.crossnet.core.nn.AttentionHook;
import dev.crossnet.core.nn.AttentionMapRecorder;
import dev.crossnet.core.nn.GradMode;
import dev.crossnet.core.pipeline.ControlHook;
import dev.crossnet.core.testing.TinyModelFolder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each subject's word is attended to only inside its own region. */
class SubjectAttentionTest {

  @Test
  void aSubjectTokensAttentionOutsideItsRegionIsZero(@TempDir Path dir) {
    try (NDManager m = OfflineEngine.get().newBaseManager(); GradMode off = GradMode.disabled()) {
      DiffusionModel model = DiffusionModel.load(TinyModelFolder.assemble(dir.resolve("model")), m);
      NDArray table = model.textEncoder().tokenEmbeddings();
      SubjectPrompt.Layout layout = SubjectPrompt.build(model.tokenizer(), "a <left-one> and a <right-one>",
          List.of("<left-one>", "<right-one>"),
          Map.of("<left-one>", table.get("3:4"), "<right-one>", table.get("5:7")));
      NDArray ids = m.create(layout.ids(), new Shape(1, layout.ids().length));
      NDArray text = model.textEncoder().forward(ids, TokenEmbeddingOverrides.of(layout.overrides()))
          .lastHiddenState();
      float[] left = new float[16 * 16];
      float[] right = new float[16 * 16];
      for (int q = 0; q < left.length; q++) {
        (q % 16 < 8 ? left : right)[q] = 1f;
      }
      List<NDArray> masks = List.of(m.create(left, new Shape(1, 1, 16, 16)), m.create(right, new Shape(1, 1, 16, 16)));
      SubjectAttentionBranch.Confinement control =
          new SubjectAttentionBranch.Confinement(masks, layout::positions, -10_000f);
      try (AttentionMapRecorder maps = new AttentionMapRecorder(m, call -> call.cross())) {
        AttentionHook hook = AttentionHook.compose(ControlHook.of(List.of(control)), maps);
        model.unet().forward(m.randomNormal(new Shape(1, 4, 16, 16)), m.create(new float[] {500}), text, hook);
        assertThat(maps.maps()).isNotEmpty();
        maps.maps().forEach((layer, map) -> {
          int queries = (int) map.getShape().get(1);
          int side = (int) Math.round(Math.sqrt(queries));
          for (int s = 0; s < 2; s++) {
            for (int p : layout.positions().get(s)) {
              float[] column = map.get(":, :, " + p).toFloatArray();
              double outside = 0;
              double inside = 0;
              for (int q = 0; q < queries; q++) {
                boolean isLeft = q % side < side / 2;
                if (isLeft == (s == 0)) {
                  inside += column[q];
                } else {
                  outside += column[q];
                }
              }
              assertThat(outside).as("%s, subject %d, token %d outside", layer, s, p).isLessThan(1e-6);
              assertThat(inside).as("%s, subject %d, token %d inside", layer, s, p).isGreaterThan(0);
            }
          }
        });
      }
    }
  }

  @Test
  void emphasisRaisesASubjectTokensAttentionInsideItsRegion(@TempDir Path dir) {
    try (NDManager m = OfflineEngine.get().newBaseManager(); GradMode off = GradMode.disabled()) {
      DiffusionModel model = DiffusionModel.load(TinyModelFolder.assemble(dir.resolve("model")), m);
      NDArray table = model.textEncoder().tokenEmbeddings();
      SubjectPrompt.Layout layout = SubjectPrompt.build(model.tokenizer(), "a <it>", List.of("<it>"),
          Map.of("<it>", table.get("3:4")));
      NDArray ids = m.create(layout.ids(), new Shape(1, layout.ids().length));
      NDArray text = model.textEncoder().forward(ids, TokenEmbeddingOverrides.of(layout.overrides()))
          .lastHiddenState();
      List<NDArray> masks = List.of(m.ones(new Shape(1, 1, 16, 16)));
      NDArray noise = m.randomNormal(new Shape(1, 4, 16, 16));
      int p = layout.positions().get(0)[0];
      double[] plain = insideAttention(model, m, noise, text, new SubjectAttentionBranch.Confinement(masks,
          layout::positions, -10_000f), p);
      double[] emphasised = insideAttention(model, m, noise, text, new SubjectAttentionBranch.Confinement(masks,
          layout::positions, -10_000f, (float) Math.log(3)), p);
      assertThat(plain).hasSameSizeAs(emphasised).isNotEmpty();
      for (int layer = 0; layer < plain.length; layer++) {
        assertThat(emphasised[layer]).as("layer %d", layer).isGreaterThan(plain[layer]);
      }
    }
  }

  /** Per cross-attention layer, the subject token's attention summed over every query. */
  private static double[] insideAttention(DiffusionModel model, NDManager m, NDArray noise, NDArray text,
      SubjectAttentionBranch.Confinement control, int position) {
    try (AttentionMapRecorder maps = new AttentionMapRecorder(m, call -> call.cross())) {
      AttentionHook hook = AttentionHook.compose(ControlHook.of(List.of(control)), maps);
      model.unet().forward(noise, m.create(new float[] {500}), text, hook);
      return maps.maps().values().stream().mapToDouble(map -> map.get(":, :, " + position).sum().getFloat())
          .toArray();
    }
  }
}
