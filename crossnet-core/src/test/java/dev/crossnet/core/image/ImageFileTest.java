package dev.crossnet.core.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossnet.api.image.EditOutput;
import dev.crossnet.api.image.ImageFile;
import dev.crossnet.api.image.Picture;
import dev.crossnet.core.testing.PngBytes;
import dev.crossnet.core.testing.PngFixtures;
import dev.crossnet.core.testing.PngFixtures.Kind;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A bedrock file of any kind comes back with every pixel the edit did not change exactly as it was. */
class ImageFileTest {

  private static final int W = 12;
  private static final int H = 9;

  @TempDir Path dir;

  static Stream<Kind> kinds() {
    return PngFixtures.allKinds();
  }

  @Test
  void aGreyOf32IsReadAs32NotBrightenedByJavasLinearGrey() throws IOException {
    Path file = dir.resolve("grey.png");
    Files.write(file, PngBytes.encode(1, 1, PngBytes.GREY, 8, new int[] {32}, null));
    assertThat(ImageFile.read(file).picture().rgb(0, 0)).isEqualTo(0x202020);
    assertThat(Picture.read(file).rgb(0, 0)).isEqualTo(0x202020);
  }

  @Test
  void a16BitGreyIsReadAsItsNearest8BitLevel() throws IOException {
    Path file = dir.resolve("grey16.png");
    Files.write(file, PngBytes.encode(2, 1, PngBytes.GREY, 16, new int[] {32 * 257, 65535}, null));
    Picture p = ImageFile.read(file).picture();
    assertThat(p.rgb(0, 0)).isEqualTo(0x202020);
    assertThat(p.rgb(1, 0)).isEqualTo(0xFFFFFF);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void everyPixelOutsideTheEditKeepsItsExactSamples(Kind kind) throws IOException {
    Path in = PngFixtures.write(kind, W, H, dir.resolve(kind + ".png"));
    ImageFile bedrock = ImageFile.read(in);
    Picture edited = paintBox(bedrock.picture(), 3, 2, 4, 4, 0x20C040);
    Path out = dir.resolve(kind + "-edit.png");
    bedrock.writeEdit(edited, out);

    BufferedImage before = ImageIO.read(in.toFile());
    BufferedImage after = ImageIO.read(out.toFile());
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        if (!inBox(x, y, 3, 2, 4, 4)) {
          assertThat(PngFixtures.levels(after, x, y)).as("pixel (%d, %d)", x, y)
              .isEqualTo(PngFixtures.levels(before, x, y));
        }
      }
    }
    int expected = kind.colourType() == PngBytes.GREY || kind.colourType() == PngBytes.GREY_ALPHA ? 0x828282 : 0x20C040;
    assertThat(ImageFile.read(out).picture().rgb(4, 3)).as("an edited pixel").isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void samplesOfEightBitsOrMoreKeepTheirDepth(Kind kind) throws IOException {
    if (kind.bitDepth() < 8 || kind.colourType() == PngBytes.PALETTE) {
      return; // widened to 8 bits, checked by the exact-samples test
    }
    Path in = PngFixtures.write(kind, W, H, dir.resolve(kind + ".png"));
    ImageFile bedrock = ImageFile.read(in);
    Path out = dir.resolve(kind + "-edit.png");
    bedrock.writeEdit(paintBox(bedrock.picture(), 0, 0, 2, 2, 0xFF0000), out);
    BufferedImage after = ImageIO.read(out.toFile());
    assertThat(after.getColorModel().getComponentSize()).containsOnly(kind.bitDepth());
    assertThat(after.getRaster().getNumBands()).isEqualTo(PngBytes.channels(kind.colourType()));
  }

  @Test
  void aJpegBedrockComesBackAsALosslessPngOfItsDecodedPixels() throws IOException {
    BufferedImage photo = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        photo.setRGB(x, y, (x * 20) << 16 | (y * 25) << 8 | (x * y * 3));
      }
    }
    Path in = dir.resolve("photo.jpg");
    assertThat(ImageIO.write(photo, "jpg", in.toFile())).isTrue();
    ImageFile bedrock = ImageFile.read(in);
    Path out = dir.resolve("photo-edit.png");
    bedrock.writeEdit(paintBox(bedrock.picture(), 3, 2, 4, 4, 0x20C040), out);

    Picture decoded = Picture.read(in);
    Picture written = Picture.read(out);
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        if (!inBox(x, y, 3, 2, 4, 4)) {
          assertThat(written.rgb(x, y)).as("pixel (%d, %d)", x, y).isEqualTo(decoded.rgb(x, y));
        }
      }
    }
    assertThat(Files.readAllBytes(out)).startsWith(0x89, 'P', 'N', 'G');
  }

  @Test
  void anEditIsOnlyWrittenAsPng() throws IOException {
    Path in = PngFixtures.write(new Kind(PngBytes.RGB, 8), W, H, dir.resolve("rgb.png"));
    ImageFile bedrock = ImageFile.read(in);
    assertThatThrownBy(() -> bedrock.writeEdit(bedrock.picture(), dir.resolve("out.jpg")))
        .hasMessageContaining("out.jpg").hasMessageContaining("must be a .png").hasMessageContaining("out.png");
  }

  @Test
  void anEditOfAnotherSizeIsRefusedNamingBothSizes() throws IOException {
    Path in = PngFixtures.write(new Kind(PngBytes.RGB, 8), W, H, dir.resolve("rgb.png"));
    ImageFile bedrock = ImageFile.read(in);
    assertThatThrownBy(() -> bedrock.writeEdit(Picture.filled(4, 4, 0), dir.resolve("out.png")))
        .hasMessageContaining("4x4").hasMessageContaining("12x9").hasMessageContaining("rgb.png");
  }

  @Test
  void aMissingFileIsNamed() {
    Path missing = dir.resolve("nope.png");
    assertThatThrownBy(() -> Picture.read(missing)).isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
  }

  @Test
  void aTruncatedPngIsNamedAndCalledDamaged() throws IOException {
    Path whole = PngFixtures.write(new Kind(PngBytes.RGB, 8), 64, 64, dir.resolve("whole.png"));
    byte[] bytes = Files.readAllBytes(whole);
    Path cut = dir.resolve("cut.png");
    Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
    assertThatThrownBy(() -> Picture.read(cut)).isInstanceOf(IOException.class)
        .hasMessageContaining(cut.toString()).hasMessageContaining("damaged or truncated");
  }

  @Test
  void aTruncatedJpegIsRefusedNotFilledWithGrey() throws IOException {
    BufferedImage photo = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
    for (int i = 0; i < 64 * 64; i++) {
      photo.setRGB(i % 64, i / 64, i * 2654435);
    }
    Path whole = dir.resolve("whole.jpg");
    ImageIO.write(photo, "jpg", whole.toFile());
    byte[] bytes = Files.readAllBytes(whole);
    Path cut = dir.resolve("cut.jpg");
    Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
    assertThatThrownBy(() -> Picture.read(cut)).isInstanceOf(IOException.class)
        .hasMessageContaining(cut.toString()).hasMessageContaining("damaged or truncated");
  }

  @Test
  void aFileThatIsNoImageIsNamed() throws IOException {
    Path text = Files.writeString(dir.resolve("notes.png"), "not a picture");
    assertThatThrownBy(() -> Picture.read(text)).hasMessageContaining(text.toString())
        .hasMessageContaining("not an image format");
  }

  @Test
  void anOutputInAFolderThatCannotBeWrittenFailsBeforeAnyWork() throws IOException {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    assertThatThrownBy(() -> EditOutput.requireWritable(file.resolve("edit.png")))
        .hasMessageContaining("output folder").hasMessageContaining(file.toString());
    assertThatThrownBy(() -> EditOutput.requireWritable(dir)).hasMessageContaining("is a folder");
    assertThat(EditOutput.requireWritable(dir.resolve("new/edit.png"))).isEqualTo(dir.resolve("new/edit.png"));
  }

  private static Picture paintBox(Picture p, int bx, int by, int bw, int bh, int rgb) {
    int[] px = p.rgbPixels();
    for (int y = by; y < by + bh; y++) {
      for (int x = bx; x < bx + bw; x++) {
        px[y * p.width() + x] = rgb;
      }
    }
    return Picture.ofRgb(p.width(), p.height(), px);
  }

  private static boolean inBox(int x, int y, int bx, int by, int bw, int bh) {
    return x >= bx && x < bx + bw && y >= by && y < by + bh;
  }
}
