package dev.crossnet.examples.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Mask;
import org.junit.jupiter.api.Test;

class EditBenchmarkControlTest {

  @Test
  void theControlPaintsTheRegionAndNothingElse() {
    Picture picture = Picture.filled(4, 3, 0x112233);
    boolean[] inside = new boolean[12];
    inside[5] = true;
    inside[6] = true;
    Picture painted = EditBenchmark.paint(picture, Mask.of(4, 3, inside), 0x808080);
    for (int i = 0; i < 12; i++) {
      assertThat(painted.rgb(i % 4, i / 4) & 0xFFFFFF).as("pixel %d", i).isEqualTo(inside[i] ? 0x808080 : 0x112233);
    }
    assertThat(picture.rgb(1, 1) & 0xFFFFFF).as("the bedrock itself is left alone").isEqualTo(0x112233);
  }

  @Test
  void theControlIsARowOfTheTableBesideEveryMethod() {
    assertThat(EditBenchmark.methods(10, 0.8, 0.6)).extracting(EditBenchmark.Method::name)
        .doesNotContain(EditBenchmark.CONTROL)
        .contains("SDEdit (text)", "RePaint (text)", "CrossNet (full)");
  }

  @Test
  void onlyKeepsTheNamedMethodsAndNamesTheChoicesWhenNoneMatches() {
    var all = EditBenchmark.methods(10, 0.8, 0.6);
    assertThat(EditBenchmark.select(all, java.util.List.of("CrossNet (full"))).extracting(EditBenchmark.Method::name)
        .containsExactly("CrossNet (full)", "CrossNet (full, learned subject)");
    assertThat(EditBenchmark.select(all, java.util.List.of())).hasSameSizeAs(all);
    var tuned = EditBenchmark.withOptions(all, java.util.Map.of("branch.motion.ilvr", "false"));
    assertThat(tuned.get(0)).as("a baseline keeps its own settings").isSameAs(all.get(0));
    assertThat(tuned.get(tuned.size() - 1)).as("a CrossNet row gets the options").isNotSameAs(all.get(all.size() - 1));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> EditBenchmark.select(all, java.util.List.of("nope")))
        .hasMessageContaining("nope").hasMessageContaining("RePaint (text)");
  }
}
