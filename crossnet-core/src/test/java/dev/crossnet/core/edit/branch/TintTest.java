package dev.crossnet.core.edit.branch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Mask;
import dev.crossnet.api.subject.Subject;
import dev.crossnet.core.figureworld.Appearance;
import dev.crossnet.core.figureworld.Colour;
import dev.crossnet.core.figureworld.FigureKind;
import dev.crossnet.core.figureworld.FigureTruth;
import dev.crossnet.core.figureworld.Scene;
import dev.crossnet.core.figureworld.SceneGenerator;
import dev.crossnet.core.figureworld.SceneOptions;
import dev.crossnet.core.figureworld.Size;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TintTest {

  @Test
  void midGreyBecomesTheColourBlackAndWhiteStayAndOutsideNothingChanges() {
    int[] pixels = {0x808080, 0x000000, 0xFFFFFF, 0x808080};
    Picture p = Picture.ofRgb(4, 1, pixels);
    Picture out = Tint.inside(p, Mask.of(4, 1, new boolean[] {true, true, true, false}), 0x2060E0);
    int mid = out.rgb(0, 0) & 0xFFFFFF;
    assertThat((mid >> 16) & 0xff).isBetween(0x1E, 0x22);
    assertThat((mid >> 8) & 0xff).isBetween(0x5E, 0x62);
    assertThat(mid & 0xff).isBetween(0xDE, 0xE2);
    assertThat(out.rgb(1, 0) & 0xFFFFFF).isEqualTo(0);
    assertThat(out.rgb(2, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    assertThat(out.rgb(3, 0) & 0xFFFFFF).isEqualTo(0x808080);
  }

  @Test
  void theDominantColourOfAFigureIsItsBodyColour() {
    Scene one = new SceneGenerator(SceneOptions.defaults().withFigures(1, 1).withRelationChance(0)).generate(3);
    for (Colour colour : new Colour[] {Colour.RED, Colour.BLUE, Colour.GREEN}) {
      Scene edited = one.idealEdit(0, FigureKind.ROBOT, new Appearance(colour, false, Size.LARGE)).edited();
      FigureTruth robot = edited.figures().get(0);
      int found = Tint.dominant(Subject.of("<it>", edited.picture()).withMasks(robot.mask())).orElseThrow();
      assertThat(distance(found, colour.rgb())).as("%s read as #%06x", colour, found).isLessThan(40);
    }
  }

  @Test
  void aSubjectWithoutPicturesOrColourHasNoDominantColour() {
    assertThat(Tint.dominant(Subject.fromEmbedding("<it>", Path.of("it.safetensors")))).isEmpty();
    assertThat(Tint.dominant(Subject.of("<it>", Picture.filled(4, 4, 0x777777)))).isEmpty();
  }

  @Test
  void aMaskOfAnotherSizeIsRefusedWithBothSizes() {
    assertThatThrownBy(() -> Tint.inside(Picture.filled(4, 4, 0), Mask.of(2, 2, new boolean[4]), 0xFF0000))
        .hasMessageContaining("mask is 2x2 but the picture is 4x4");
  }

  private static int distance(int a, int b) {
    int d = 0;
    for (int shift = 16; shift >= 0; shift -= 8) {
      d = Math.max(d, Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff)));
    }
    return d;
  }
}
