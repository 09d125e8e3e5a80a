package dev.crossnet.core.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.crossnet.api.image.Picture;
import dev.crossnet.core.figureworld.SceneOptions;
import dev.crossnet.core.figureworld.Split;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RenderDegradationTest {

  private static Picture dot() {
    int[] rgb = new int[9 * 9];
    rgb[4 * 9 + 4] = 0xFFFFFF;
    return Picture.ofRgb(9, 9, rgb);
  }

  @Test
  void noShareLeavesThePictureAndTheRandomStreamAlone() {
    SplittableRandom used = new SplittableRandom(5);
    Picture p = dot();
    assertThat(RenderDegradation.NONE.apply(p, used)).isSameAs(p);
    assertThat(used.nextLong()).isEqualTo(new SplittableRandom(5).nextLong());
  }

  @Test
  void blurSpreadsADotAndKeepsItsSum() {
    float[] before = dot().toChw();
    float[] after = RenderDegradation.gaussianBlur(dot(), 1.0).toChw();
    assertThat(after[4 * 9 + 4]).isLessThan(before[4 * 9 + 4]);
    assertThat(after[4 * 9 + 5]).isGreaterThan(0.05f);
    assertThat(after[4 * 9 + 5]).isEqualTo(after[5 * 9 + 4], within(1e-6f));
    double sumBefore = 0;
    double sumAfter = 0;
    for (int i = 0; i < 81; i++) {
      sumBefore += before[i];
      sumAfter += after[i];
    }
    // 8-bit pictures round each pixel, so the sum holds to a few 1/255 steps
    assertThat(sumAfter).isCloseTo(sumBefore, within(0.1));
  }

  @Test
  void aFlatPictureStaysFlat() {
    Picture grey = Picture.filled(8, 8, 0x808080);
    assertThat(RenderDegradation.gaussianBlur(grey, 1.2).toChw()).containsExactly(grey.toChw());
  }

  @Test
  void aFullShareDegradesEveryExampleDeterministically() {
    FigureWorldJudgeDataset plain = new FigureWorldJudgeDataset(SceneOptions.defaults().withSplit(Split.TRAIN), 3,
        0.2);
    RenderDegradation always = new RenderDegradation(1, 1.2, 0.04);
    FigureWorldJudgeDataset degraded = new FigureWorldJudgeDataset(SceneOptions.defaults().withSplit(Split.TRAIN),
        3, 0.2, always);
    List<JudgeExample> a = degraded.batch(2, 4);
    List<JudgeExample> b = degraded.batch(2, 4);
    List<JudgeExample> clean = plain.batch(2, 4);
    for (int i = 0; i < 4; i++) {
      assertThat(a.get(i).picture().toChw()).containsExactly(b.get(i).picture().toChw());
      assertThat(a.get(i).picture().toChw()).isNotEqualTo(clean.get(i).picture().toChw());
    }
  }

  @Test
  void badSettingsAreNamed() {
    assertThatThrownBy(() -> new RenderDegradation(1.5, 1, 0)).hasMessageContaining("share 1.5");
    assertThatThrownBy(() -> new RenderDegradation(0.5, -1, 0)).hasMessageContaining("blur -1.0");
  }
}
