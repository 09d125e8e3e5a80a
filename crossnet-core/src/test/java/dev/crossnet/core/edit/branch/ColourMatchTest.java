package dev.crossnet.core.edit.branch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Mask;
import dev.crossnet.api.subject.Subject;
import org.junit.jupiter.api.Test;

class ColourMatchTest {

  private static final int SAND = 0xE0C890;
  private static final int WHITE = 0xF8F8F8;
  private static final int OUTLINE = 0x101010;

  /** A 12x12 sand picture with a white 4x4 body outlined in black at (4, 4); the region covers (2, 2) to (9, 9). */
  private static Picture occupant() {
    int[] px = new int[144];
    java.util.Arrays.fill(px, SAND);
    for (int y = 3; y <= 8; y++) {
      for (int x = 3; x <= 8; x++) {
        px[y * 12 + x] = x == 3 || x == 8 || y == 3 || y == 8 ? OUTLINE : WHITE;
      }
    }
    return Picture.ofRgb(12, 12, px);
  }

  private static Mask region() {
    boolean[] in = new boolean[144];
    for (int y = 2; y <= 9; y++) {
      for (int x = 2; x <= 9; x++) {
        in[y * 12 + x] = true;
      }
    }
    return Mask.of(12, 12, in);
  }

  /** A subject that is mostly dark blue with a lighter blue part, shown on grass, masked to itself. */
  private static Subject darkSubject() {
    int[] px = new int[64];
    boolean[] in = new boolean[64];
    java.util.Arrays.fill(px, 0x30A030);
    for (int i = 16; i < 48; i++) {
      px[i] = i < 40 ? 0x101860 : 0x4050C0;
      in[i] = true;
    }
    return Subject.of("<it>", Picture.ofRgb(8, 8, px)).withMasks(Mask.of(8, 8, in));
  }

  @Test
  void aLightOccupantTakesADarkSubjectsColoursAndKeepsItsOutlineDarkerThanItsBody() {
    Picture out = ColourMatch.inside(occupant(), region(), darkSubject()).orElseThrow();
    int body = out.rgb(5, 5) & 0xFFFFFF;
    int outline = out.rgb(3, 5) & 0xFFFFFF;
    assertThat(Greyscale.luminance(body)).as("the white body became dark").isLessThan(110);
    assertThat(body & 0xFF).as("and blue").isGreaterThan((body >> 16) & 0xFF);
    assertThat(Greyscale.luminance(outline)).isLessThan(Greyscale.luminance(body));
  }

  @Test
  void theBackgroundInsideTheRegionAndEverythingOutsideItKeepTheirColours() {
    Picture before = occupant();
    Picture out = ColourMatch.inside(before, region(), darkSubject()).orElseThrow();
    assertThat(out.rgb(2, 2) & 0xFFFFFF).as("sand inside the region").isEqualTo(SAND);
    assertThat(out.rgb(0, 0) & 0xFFFFFF).as("outside the region").isEqualTo(SAND);
    assertThat(before.rgb(5, 5) & 0xFFFFFF).as("the input is left alone").isEqualTo(WHITE);
  }

  @Test
  void nothingToMatchFromOrToGivesNothing() {
    Subject blank = Subject.of("<it>", Picture.filled(4, 4, 0x777777)).withMasks(Mask.of(4, 4, new boolean[16]));
    assertThat(ColourMatch.inside(occupant(), region(), blank)).isEmpty();
    assertThat(ColourMatch.inside(Picture.filled(12, 12, SAND), region(), darkSubject())).as("no occupant").isEmpty();
  }
}
