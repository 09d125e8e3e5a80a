package dev.crossnet.api.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.crossnet.api.image.Picture;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoFilesTest {

  @TempDir
  Path dir;

  // ---- PNG frame folders

  @Test
  void pngFolderRoundTripsExactly() throws IOException {
    Video video = smooth(64, 48, 4, 7.5);
    Path folder = dir.resolve("clip");
    video.write(folder);
    assertThat(folder.resolve("frame-00000.png")).exists();
    assertThat(folder.resolve("video.properties")).content().contains("fps=7.5");
    assertThat(Video.read(folder)).isEqualTo(video);
  }

  @Test
  void pngFolderIsReadInNaturalOrderAtTwelveFpsByDefault() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("frames"));
    Picture.filled(4, 4, 0x000010).write(folder.resolve("shot10.png"));
    Picture.filled(4, 4, 0x000002).write(folder.resolve("shot2.png"));
    Picture.filled(4, 4, 0x000001).write(folder.resolve("shot1.png"));
    Files.writeString(folder.resolve("notes.txt"), "not a frame");
    Video video = Video.read(folder);
    assertThat(video.frames()).extracting(p -> p.rgb(0, 0)).containsExactly(0x000001, 0x000002, 0x000010);
    assertThat(video.framesPerSecond()).isEqualTo(12.0);
  }

  @Test
  void aFolderWithoutFramesIsNamed() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("empty"));
    assertThatThrownBy(() -> Video.read(folder)).isInstanceOf(IOException.class)
        .hasMessageContaining("no PNG frames in folder " + folder.toAbsolutePath());
  }

  @Test
  void aFrameOfAnotherSizeIsNamed() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("mixed"));
    Picture.filled(4, 4, 0).write(folder.resolve("frame-00000.png"));
    Picture.filled(4, 3, 0).write(folder.resolve("frame-00001.png"));
    assertThatThrownBy(() -> Video.read(folder)).isInstanceOf(IOException.class)
        .hasMessageContaining("frame-00001.png is 4x3 but the first frame frame-00000.png is 4x4");
  }

  @Test
  void aDamagedFrameIsNamed() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("damaged"));
    Files.write(folder.resolve("frame-00000.png"), randomBytes(300));
    assertThatThrownBy(() -> Video.read(folder)).isInstanceOf(IOException.class)
        .hasMessageContaining("frame-00000.png");
  }

  @Test
  void writingAFolderReplacesAnEarlierCrossNetFolder() throws IOException {
    Path folder = dir.resolve("clip");
    smooth(8, 8, 3, 12).write(folder);
    Video shorter = smooth(8, 8, 2, 24);
    shorter.write(folder);
    assertThat(folder.resolve("frame-00002.png")).doesNotExist();
    assertThat(Video.read(folder)).isEqualTo(shorter);
    try (var siblings = Files.list(dir)) {
      assertThat(siblings).containsExactly(folder);
    }
  }

  @Test
  void writingAFolderRefusesToDeleteOtherFiles() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("holiday"));
    Files.writeString(folder.resolve("diary.txt"), "keep me");
    assertThatThrownBy(() -> smooth(8, 8, 2, 12).write(folder)).isInstanceOf(IOException.class)
        .hasMessageContaining(folder.toString()).hasMessageContaining("diary.txt");
    assertThat(folder.resolve("diary.txt")).hasContent("keep me");
    assertThat(folder.resolve("frame-00000.png")).doesNotExist();
  }

  // ---- animated GIF

  @Test
  void gifRoundTripsFlatColoursAndTheRateToAHundredthOfASecond() throws IOException {
    int[] colours = {0xFF0000, 0x00FF00, 0x0000FF, 0xFFFF00, 0x202020, 0xFFFFFF};
    List<Picture> frames = new ArrayList<>();
    for (int f = 0; f < 4; f++) {
      int[] px = new int[32 * 24];
      for (int i = 0; i < px.length; i++) {
        px[i] = colours[(i % 32 / 8 + i / 32 / 6 + f) % colours.length];
      }
      frames.add(Picture.ofRgb(32, 24, px));
    }
    Video video = Video.of(frames, 12);
    Path file = dir.resolve("flat.gif");
    video.write(file);
    Video back = Video.read(file);
    assertThat(back.frameCount()).isEqualTo(4);
    assertThat(1 / back.framesPerSecond()).isCloseTo(1 / 12.0, within(0.005));
    assertThat(maxChannelError(video, back)).isZero();
  }

  @Test
  void gifFramesAreCompositedWithOffsetsDisposalAndTransparency() throws IOException {
    Path file = dir.resolve("composite.gif");
    int red = 0xFF0000;
    int blue = 0x0000FF;
    int green = 0x00FF00;
    int white = 0xFFFFFF;
    writeGif(file, 8, 8, List.of(
        new GifFrame(Picture.filled(8, 8, red), 0, 0, "none", false),
        new GifFrame(Picture.filled(2, 2, blue), 1, 1, "restoreToBackgroundColor", false),
        new GifFrame(Picture.ofRgb(2, 2, new int[] {green, CLEAR, green, green}), 5, 5, "restoreToPrevious", true),
        new GifFrame(Picture.filled(1, 1, white), 0, 0, "none", false)));

    Video video = Video.read(file);

    assertThat(video.width()).isEqualTo(8);
    assertThat(video.height()).isEqualTo(8);
    assertThat(video.framesPerSecond()).isEqualTo(10.0);
    assertThat(rows(video.frame(0))).isEqualTo(rows(Picture.filled(8, 8, red)));
    assertThat(rows(video.frame(1))).isEqualTo(rows(paint(Picture.filled(8, 8, red), 1, 1, 2, 2, blue)));
    Picture cleared = paint(Picture.filled(8, 8, red), 1, 1, 2, 2, 0x000000);
    Picture withGreen = paint(cleared, 5, 5, 1, 1, green);
    withGreen = paint(withGreen, 5, 6, 2, 1, green);
    assertThat(rows(video.frame(2))).as("transparent (6, 5) shows the red beneath").isEqualTo(rows(withGreen));
    assertThat(rows(video.frame(3))).as("the green is restored away, the cleared square stays")
        .isEqualTo(rows(paint(cleared, 0, 0, 1, 1, white)));
  }

  // ---- H.264 MP4

  @Test
  void mp4RoundTripsCloselyAtTheSameRate() throws IOException {
    Video video = smooth(64, 48, 6, 12);
    Path file = dir.resolve("smooth.mp4");
    video.write(file);
    Video back = Video.read(file);
    assertThat(back.frameCount()).isEqualTo(6);
    assertThat(back.width()).isEqualTo(64);
    assertThat(back.height()).isEqualTo(48);
    assertThat(back.framesPerSecond()).isEqualTo(12.0);
    assertThat(meanPsnr(video, back)).isGreaterThan(33.0);
  }

  @Test
  void mp4KeepsAFractionalRate() throws IOException {
    Path file = dir.resolve("ntsc.mp4");
    smooth(32, 16, 2, 29.97).write(file);
    assertThat(Video.read(file).framesPerSecond()).isCloseTo(29.97, within(1e-6));
  }

  @Test
  void mp4RefusesAnOddSize() {
    Path file = dir.resolve("odd.mp4");
    assertThatThrownBy(() -> smooth(63, 47, 2, 12).write(file)).isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("63x47")
        .hasMessageContaining("even width and height");
    assertThat(file).doesNotExist();
  }

  @Test
  void overwritingAVideoFileReplacesIt() throws IOException {
    for (String name : List.of("again.gif", "again.mp4")) {
      Path file = dir.resolve(name);
      smooth(16, 16, 3, 12).write(file);
      smooth(16, 16, 2, 12).write(file);
      assertThat(Video.read(file).frameCount()).as(name).isEqualTo(2);
    }
    try (var files = Files.list(dir)) {
      assertThat(files).as("no temporary files left").hasSize(2);
    }
  }

  // ---- errors

  @Test
  void aMissingPathIsNamed() {
    Path missing = dir.resolve("nowhere.mp4");
    assertThatThrownBy(() -> Video.read(missing)).isInstanceOf(IOException.class)
        .hasMessageContaining("no video at " + missing.toAbsolutePath());
  }

  @Test
  void anUnsupportedExtensionIsNamedWithTheFormatsThatWork() throws IOException {
    Path avi = Files.write(dir.resolve("clip.avi"), randomBytes(100));
    assertThatThrownBy(() -> Video.read(avi)).isInstanceOf(IOException.class)
        .hasMessageContaining("'.avi'").hasMessageContaining(avi.toString())
        .hasMessageContaining(".gif").hasMessageContaining(".mp4").hasMessageContaining("PNG frames");
    assertThatThrownBy(() -> smooth(8, 8, 1, 12).write(dir.resolve("out.webm"))).isInstanceOf(IOException.class)
        .hasMessageContaining("'.webm'");
  }

  @Test
  void randomBytesAreReportedAsDamagedNamingTheFileAndFormat() throws IOException {
    Path mp4 = Files.write(dir.resolve("noise.mp4"), randomBytes(4000));
    Path gif = Files.write(dir.resolve("noise.gif"), randomBytes(4000));
    assertThatThrownBy(() -> Video.read(mp4)).isExactlyInstanceOf(IOException.class)
        .hasMessageContaining(mp4.toAbsolutePath().toString()).hasMessageContaining("H.264 MP4");
    assertThatThrownBy(() -> Video.read(gif)).isExactlyInstanceOf(IOException.class)
        .hasMessageContaining(gif.toAbsolutePath().toString()).hasMessageContaining("animated GIF");
  }

  @Test
  void truncatedFilesAreReportedAsDamagedNamingTheFile() throws IOException {
    for (String name : List.of("cut.gif", "cut.mp4")) {
      Path file = dir.resolve(name);
      smooth(32, 32, 4, 12).write(file);
      byte[] bytes = Files.readAllBytes(file);
      Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
      assertThatThrownBy(() -> Video.read(file)).as(name).isExactlyInstanceOf(IOException.class)
          .hasMessageContaining(file.toAbsolutePath().toString()).hasMessageContaining("damaged");
    }
  }

  // ---- helpers

  /** Gentle gradients that move a little each frame, like a camera pan. */
  private static Video smooth(int w, int h, int count, double fps) {
    List<Picture> frames = new ArrayList<>();
    for (int f = 0; f < count; f++) {
      int[] px = new int[w * h];
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int r = 40 + (x + 2 * f) * 160 / (w + 2 * count);
          int g = 60 + y * 140 / h;
          int b = 128 + (int) (50 * Math.sin((x + 2 * f) / 9.0) * Math.cos(y / 11.0));
          px[y * w + x] = (r << 16) | (g << 8) | b;
        }
      }
      frames.add(Picture.ofRgb(w, h, px));
    }
    return Video.of(frames, fps);
  }

  /** A picture as rows of hex colours, so a failed comparison shows where the pixels differ. */
  private static List<String> rows(Picture p) {
    List<String> rows = new ArrayList<>();
    for (int y = 0; y < p.height(); y++) {
      StringBuilder row = new StringBuilder();
      for (int x = 0; x < p.width(); x++) {
        row.append(String.format("%06x ", p.rgb(x, y)));
      }
      rows.add(row.toString().trim());
    }
    return rows;
  }

  private static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    new Random(7).nextBytes(bytes);
    return bytes;
  }

  private static Picture paint(Picture p, int left, int top, int w, int h, int rgb) {
    int[] px = p.rgbPixels();
    for (int y = top; y < top + h; y++) {
      for (int x = left; x < left + w; x++) {
        px[y * p.width() + x] = rgb;
      }
    }
    return Picture.ofRgb(p.width(), p.height(), px);
  }

  private static int maxChannelError(Video a, Video b) {
    int max = 0;
    for (int f = 0; f < a.frameCount(); f++) {
      int[] pa = a.frame(f).rgbPixels();
      int[] pb = b.frame(f).rgbPixels();
      for (int i = 0; i < pa.length; i++) {
        for (int s = 0; s < 24; s += 8) {
          max = Math.max(max, Math.abs(((pa[i] >> s) & 0xFF) - ((pb[i] >> s) & 0xFF)));
        }
      }
    }
    return max;
  }

  static double meanPsnr(Video a, Video b) {
    double sum = 0;
    for (int f = 0; f < a.frameCount(); f++) {
      int[] pa = a.frame(f).rgbPixels();
      int[] pb = b.frame(f).rgbPixels();
      double squares = 0;
      for (int i = 0; i < pa.length; i++) {
        for (int s = 0; s < 24; s += 8) {
          int d = ((pa[i] >> s) & 0xFF) - ((pb[i] >> s) & 0xFF);
          squares += d * d;
        }
      }
      double mse = Math.max(squares / (3.0 * pa.length), 1e-10);
      sum += 10 * Math.log10(255.0 * 255.0 / mse);
    }
    return sum / a.frameCount();
  }

  /** The palette of {@link #writeGif}: index 0 (black) is the background, {@link #CLEAR} marks transparency. */
  private static final int CLEAR = 0x010101;
  private static final int[] PALETTE = {0x000000, 0xFFFFFF, 0xFF0000, 0x00FF00, 0x0000FF, CLEAR};

  /** A frame as a GIF stores it: a rectangle at an offset, a disposal method, whether {@link #CLEAR} is clear. */
  private record GifFrame(Picture picture, int left, int top, String disposal, boolean transparent) {}

  /**
   * Writes a GIF frame by frame with ImageIO, the way other encoders do: sub-rectangles, disposal methods, a
   * transparent colour, and one global colour table whose background is black.
   */
  private static void writeGif(Path file, int width, int height, List<GifFrame> frames) throws IOException {
    IndexColorModel palette = palette();
    ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
      writer.setOutput(out);
      IIOMetadata stream = writer.getDefaultStreamMetadata(null);
      String streamFormat = "javax_imageio_gif_stream_1.0";
      IIOMetadataNode streamRoot = new IIOMetadataNode(streamFormat);
      IIOMetadataNode screen = new IIOMetadataNode("LogicalScreenDescriptor");
      screen.setAttribute("logicalScreenWidth", Integer.toString(width));
      screen.setAttribute("logicalScreenHeight", Integer.toString(height));
      screen.setAttribute("colorResolution", "8");
      screen.setAttribute("pixelAspectRatio", "0");
      streamRoot.appendChild(screen);
      IIOMetadataNode table = colourTable("GlobalColorTable", "sizeOfGlobalColorTable", palette);
      table.setAttribute("backgroundColorIndex", "0");
      streamRoot.appendChild(table);
      stream.setFromTree(streamFormat, streamRoot);
      writer.prepareWriteSequence(stream);
      for (GifFrame f : frames) {
        BufferedImage image = indexed(f.picture(), palette);
        IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), null);
        String format = "javax_imageio_gif_image_1.0";
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
        IIOMetadataNode descriptor = (IIOMetadataNode) root.getElementsByTagName("ImageDescriptor").item(0);
        descriptor.setAttribute("imageLeftPosition", Integer.toString(f.left()));
        descriptor.setAttribute("imageTopPosition", Integer.toString(f.top()));
        descriptor.setAttribute("interlaceFlag", "FALSE");
        IIOMetadataNode control = new IIOMetadataNode("GraphicControlExtension");
        control.setAttribute("disposalMethod", f.disposal());
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", f.transparent() ? "TRUE" : "FALSE");
        control.setAttribute("delayTime", "0");
        control.setAttribute("transparentColorIndex", Integer.toString(indexOf(CLEAR)));
        root.appendChild(control);
        // ImageIO's default metadata leaves the palette out, and the writer then falls back to its own
        root.appendChild(colourTable("LocalColorTable", "sizeOfLocalColorTable", palette));
        meta.setFromTree(format, root);
        writer.writeToSequence(new IIOImage(image, null, meta), null);
      }
      writer.endWriteSequence();
    } finally {
      writer.dispose();
    }
  }

  private static IIOMetadataNode colourTable(String name, String sizeAttribute, IndexColorModel palette) {
    IIOMetadataNode table = new IIOMetadataNode(name);
    table.setAttribute(sizeAttribute, Integer.toString(palette.getMapSize()));
    table.setAttribute("sortFlag", "FALSE");
    for (int i = 0; i < palette.getMapSize(); i++) {
      IIOMetadataNode entry = new IIOMetadataNode("ColorTableEntry");
      entry.setAttribute("index", Integer.toString(i));
      entry.setAttribute("red", Integer.toString(palette.getRed(i)));
      entry.setAttribute("green", Integer.toString(palette.getGreen(i)));
      entry.setAttribute("blue", Integer.toString(palette.getBlue(i)));
      table.appendChild(entry);
    }
    return table;
  }

  private static IndexColorModel palette() {
    byte[] r = new byte[16];
    byte[] g = new byte[16];
    byte[] b = new byte[16];
    for (int i = 0; i < PALETTE.length; i++) {
      r[i] = (byte) (PALETTE[i] >> 16);
      g[i] = (byte) (PALETTE[i] >> 8);
      b[i] = (byte) PALETTE[i];
    }
    return new IndexColorModel(4, 16, r, g, b);
  }

  private static int indexOf(int rgb) {
    for (int i = 0; i < PALETTE.length; i++) {
      if (PALETTE[i] == rgb) {
        return i;
      }
    }
    throw new IllegalArgumentException(Integer.toHexString(rgb) + " is not in the test palette");
  }

  private static BufferedImage indexed(Picture p, IndexColorModel palette) {
    BufferedImage image = new BufferedImage(p.width(), p.height(), BufferedImage.TYPE_BYTE_BINARY, palette);
    for (int y = 0; y < p.height(); y++) {
      for (int x = 0; x < p.width(); x++) {
        image.getRaster().setSample(x, y, 0, indexOf(p.rgb(x, y)));
      }
    }
    return image;
  }
}
