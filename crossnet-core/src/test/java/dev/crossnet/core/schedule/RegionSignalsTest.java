package dev.crossnet.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossnet.api.image.Picture;
import org.junit.jupiter.api.Test;

/** The generic signals on pictures whose relation is known. */
class RegionSignalsTest {

  private final RegionSignal structure = new SelfSimilarityStructure();
  private final RegionSignal look = new ColourHistogramLook();
  private final MaskedPicture red = SchedulePictures.masked(6, 6, 10, 16, 0xD02020);

  @Test
  void aPictureAgreesFullyWithItself() {
    assertThat(structure.agreement(red.picture(), red.picture(), red.region())).isCloseTo(1.0, within());
    assertThat(look.agreement(red.picture(), red.picture(), red.region())).isCloseTo(1.0, within());
  }

  @Test
  void aRecolouredShapeKeepsItsStructureAndLosesItsLook() {
    Picture blue = SchedulePictures.block(6, 6, 10, 16, 0x2030C0);
    assertThat(structure.agreement(red.picture(), blue, red.region())).isGreaterThan(0.9);
    assertThat(look.agreement(red.picture(), blue, red.region())).isLessThan(0.2);
  }

  @Test
  void aMovedShapeOfTheSameColourKeepsItsLookBetterThanItsStructure() {
    Picture moved = SchedulePictures.block(14, 12, 16, 10, 0xD02020);
    double s = structure.agreement(red.picture(), moved, red.region());
    double l = look.agreement(red.picture(), moved, red.region());
    assertThat(s).isLessThan(0.5);
    assertThat(l).isGreaterThan(s);
  }

  @Test
  void aFlatPictureHasNoStructureToAgreeWith() {
    Picture flat = Picture.filled(SchedulePictures.SIZE, SchedulePictures.SIZE, 0x808080);
    assertThat(structure.agreement(red.picture(), flat, red.region())).isZero();
  }

  @Test
  void signalsStayInTheirRanges() {
    for (MaskedPicture a : SchedulePictures.four()) {
      for (MaskedPicture b : SchedulePictures.four()) {
        assertThat(structure.agreement(a.picture(), b.picture(), a.region())).isBetween(-1.0, 1.0);
        assertThat(look.agreement(a.picture(), b.picture(), a.region())).isBetween(0.0, 1.0);
      }
    }
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }
}
