package dev.crossnet.api.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A picture file as it was decoded, kept beside the 8-bit RGB {@link Picture} an edit works on, so that the
 * edit can be written back changing only the pixels it changed: every other pixel keeps the file's exact
 * samples, whatever its colour type and bit depth (grey, grey with alpha, RGB, RGBA, palette; 1 to 16 bits) or
 * format (a JPEG bedrock comes back as a lossless PNG of its decoded pixels).
 *
 * <pre>{@code
 * ImageFile photo = ImageFile.read(Path.of("park.png"));
 * EditResult result = Editor.bedrock(photo.picture()).replace(box).with(dog).run();
 * photo.writeEdit(result.picture(), Path.of("out.png"));
 * }</pre>
 *
 * <p>How each kind of file is written back: grey files stay grey (an edited pixel becomes its Rec. 601 luma),
 * alpha is kept as it was, 16-bit samples outside the edit keep all 16 bits, and palette files (also grey files
 * of 1, 2 or 4 bits) are widened to 8 bits per sample with every colour unchanged.
 */
public final class ImageFile {

  private final Path path;
  private final String format;
  private final BufferedImage decoded;
  private final Picture picture;

  private ImageFile(Path path, String format, BufferedImage decoded) {
    this.path = path;
    this.format = format;
    this.decoded = decoded;
    this.picture = Picture.ofRgb(decoded.getWidth(), decoded.getHeight(), SampleScaling.rgb8(decoded));
  }

  /**
   * Reads a PNG, JPEG, BMP or GIF file.
   *
   * @throws IOException naming the file when it is missing, not an image, or damaged or truncated
   */
  public static ImageFile read(Path file) throws IOException {
    ImageFiles.Decoded d = ImageFiles.read(file);
    return new ImageFile(file, d.format(), d.image());
  }

  /** The file it was read from. */
  public Path path() {
    return path;
  }

  /** The format the decoder recognised, lower case ("png", "jpeg", ...). */
  public String format() {
    return format.toLowerCase(Locale.ROOT);
  }

  /** The 8-bit RGB view an edit works on (grey levels read as they are, alpha dropped). */
  public Picture picture() {
    return picture;
  }

  /**
   * Writes {@code edited} (an edit of {@link #picture()}) as a PNG, atomically, in this file's own pixel format:
   * a pixel whose 8-bit colour the edit left as it was keeps the file's exact samples.
   *
   * @throws IllegalArgumentException when the sizes differ or {@code out} is not named {@code .png}
   */
  public void writeEdit(Picture edited, Path out) throws IOException {
    if (edited.width() != picture.width() || edited.height() != picture.height()) {
      throw new IllegalArgumentException("the edited picture is " + edited.width() + "x" + edited.height()
          + " but " + path + " is " + picture.width() + "x" + picture.height() + "; write the edit of this file");
    }
    EditOutput.requirePng(out);
    BufferedImage image = EditedRaster.apply(decoded, picture.rgbPixels(), edited.rgbPixels());
    ImageFiles.writeAtomically(image, "png", out);
  }

  @Override
  public String toString() {
    return "ImageFile[" + path + ", " + format() + ", " + picture.width() + "x" + picture.height() + "]";
  }
}
