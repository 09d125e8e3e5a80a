package dev.crossnet.api.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Reading and atomic writing of image files, with errors that name the file and say what to do. */
final class ImageFiles {

  private ImageFiles() {}

  /** A decoded image and the name of its format ("png", "JPEG", ...). */
  record Decoded(BufferedImage image, String format) {}

  /**
   * Decodes the file. A missing file, an unknown format and a damaged or truncated file (including one the
   * decoder only warns about, such as a JPEG that ends early) each fail with the file's name.
   */
  static Decoded read(Path file) throws IOException {
    if (!Files.exists(file)) {
      throw new NoSuchFileException(file.toString(), null,
          "picture file " + file.toAbsolutePath() + " does not exist; check the path");
    }
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new IOException("picture file " + file.toAbsolutePath() + " is not a readable file; check the path and"
          + " its permissions");
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw new IOException(file.toAbsolutePath() + " is not an image format this JVM can read (PNG, JPEG, BMP, GIF);"
            + " convert it to PNG");
      }
      ImageReader reader = readers.next();
      List<String> warnings = new ArrayList<>();
      try {
        reader.setInput(in, true, true);
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        String format = reader.getFormatName();
        BufferedImage image;
        try {
          image = reader.read(0);
        } catch (IIOException | IndexOutOfBoundsException | IllegalArgumentException e) {
          throw damaged(file, format, e.getMessage() + causeOf(e));
        }
        if (!warnings.isEmpty()) {
          throw damaged(file, format, String.join("; ", warnings));
        }
        return new Decoded(image, format);
      } finally {
        reader.dispose();
      }
    }
  }

  private static String causeOf(Throwable e) {
    return e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")";
  }

  private static IOException damaged(Path file, String format, String detail) {
    return new IOException("could not decode " + file.toAbsolutePath() + " as " + format + ": " + detail
        + "; the file is damaged or truncated, export it again");
  }

  /**
   * Writes the image through a temporary file in the same folder and a move, so a reader never sees half a
   * file and a failed write leaves any earlier file as it was.
   */
  static void writeAtomically(BufferedImage image, String format, Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
    try {
      if (!ImageIO.write(image, format, tmp.toFile())) {
        throw new IOException("no image writer for format " + format + " (writing " + file + ")");
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
