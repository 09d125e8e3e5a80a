package dev.crossnet.api.video;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/** Chooses the format for a path, and the atomic-write and error conventions every format shares. */
final class VideoFiles {

  static final String FORMATS = ".gif (animated GIF), .mp4 (H.264) and folders of PNG frames"
      + " (frame-00000.png, frame-00001.png, ...)";

  private VideoFiles() {}

  /** Writes a file's bytes to the path given. */
  @FunctionalInterface
  interface FileWriting {
    void writeTo(Path file) throws IOException;
  }

  static Video read(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      return PngFrameFolder.read(path);
    }
    if (!Files.exists(path)) {
      throw new NoSuchFileException(path.toString(), null, "no video at " + path.toAbsolutePath()
          + "; check the path");
    }
    String ext = extension(path);
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw new IOException("video " + path.toAbsolutePath() + " is not a readable file; check its permissions");
    }
    return switch (ext) {
      case "gif" -> AnimatedGif.read(path);
      case "mp4" -> H264Mp4.read(path);
      default -> throw unsupported(path, ext);
    };
  }

  static void write(Video video, Path path) throws IOException {
    String ext = extension(path);
    if (ext.isEmpty() || Files.isDirectory(path)) {
      PngFrameFolder.write(video, path);
      return;
    }
    switch (ext) {
      case "gif" -> AnimatedGif.write(video, path);
      case "mp4" -> H264Mp4.write(video, path);
      default -> throw unsupported(path, ext);
    }
  }

  /** The lower-case extension without its dot, or "" when the name has none. */
  static String extension(Path path) {
    Path name = path.getFileName();
    if (name == null) {
      return "";
    }
    String s = name.toString();
    int dot = s.lastIndexOf('.');
    return dot <= 0 ? "" : s.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static IOException unsupported(Path path, String ext) {
    return new IOException("unsupported video type '." + ext + "' for " + path.toAbsolutePath()
        + "; CrossNet reads and writes " + FORMATS);
  }

  /** The error for a file its decoder could not read, naming the file, the format tried and the cause. */
  static IOException damaged(Path file, String format, Throwable cause) {
    String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return new IOException("could not read " + file.toAbsolutePath() + " as " + format + ": " + detail
        + "; the file is damaged, truncated or not " + format + ", export it again", cause);
  }

  /**
   * Writes through a temporary file in the same folder and a move, so a reader never sees half a file and a
   * failed write leaves any earlier file as it was.
   */
  static void writeAtomically(Path file, FileWriting writing) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
    try {
      writing.writeTo(tmp);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
