package dev.crossnet.core.image;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Mask;
import dev.crossnet.api.region.Region;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PictureTensorsTest {

  private static Picture noise(int w, int h, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int[] px = new int[w * h];
    for (int i = 0; i < px.length; i++) {
      px[i] = r.nextInt(1 << 24);
    }
    return Picture.ofRgb(w, h, px);
  }

  @Test
  void aPictureSurvivesTheRoundTripThroughATensorExactly() {
    Picture p = noise(13, 7, 1);
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray t = PictureTensors.toTensor(p, m);
      assertThat(t.getShape().getShape()).containsExactly(1, 3, 7, 13);
      assertThat(t.min().getFloat()).isGreaterThanOrEqualTo(-1f);
      assertThat(PictureTensors.toPicture(t)).isEqualTo(p);
    }
  }

  @Test
  void compositeKeepsTheOriginalExactlyWhereTheMaskIsZero() {
    Picture original = noise(32, 32, 2);
    Picture edited = noise(32, 32, 3);
    Mask mask = PictureTensors.feather(Region.box(8, 8, 10, 10).toMask(32, 32), 2);
    Picture out = PictureTensors.composite(original, edited, mask);
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 32; x++) {
        if (mask.weight(x, y) == 0f) {
          assertThat(out.rgb(x, y)).isEqualTo(original.rgb(x, y));
        } else if (mask.weight(x, y) == 1f) {
          assertThat(out.rgb(x, y)).isEqualTo(edited.rgb(x, y));
        }
      }
    }
  }

  @Test
  void featheringSoftensOnlyTheBorderAndKeepsTheInsideWhole() {
    Mask hard = Region.box(8, 8, 10, 10).toMask(32, 32);
    Mask soft = PictureTensors.feather(hard, 2);
    assertThat(soft.weight(12, 12)).isEqualTo(1f);
    assertThat(soft.weight(7, 12)).isBetween(0.01f, 0.99f);
    assertThat(soft.weight(0, 0)).isZero();
    assertThat(soft.weight(8 + 10 + 4, 12)).isZero();
  }

  @Test
  void featheringInsideFadesWithinTheRegionAndLeavesEveryPixelOutsideAtZero() {
    Mask hard = Region.box(8, 8, 16, 16).toMask(32, 32);
    Mask soft = PictureTensors.featherInside(hard, 2);
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 32; x++) {
        if (hard.weight(x, y) == 0f) {
          assertThat(soft.weight(x, y)).as("outside at %d,%d", x, y).isZero();
        }
      }
    }
    assertThat(soft.weight(15, 15)).isEqualTo(1f);
    assertThat(soft.weight(8, 15)).isBetween(0.01f, 0.5f);
    assertThat(soft.weight(9, 15)).isGreaterThan(soft.weight(8, 15));
    assertThat(PictureTensors.featherInside(hard, 0)).isSameAs(hard);
  }

  @Test
  void shrinkingByAWholeFactorAveragesAreas() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray a = m.create(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}).reshape(1, 1, 4, 4);
      NDArray small = PictureTensors.resize(a, 2, 2);
      assertThat(small.toFloatArray()).containsExactly(2.5f, 4.5f, 10.5f, 12.5f);
    }
  }
}
