package dev.crossnet.api.image;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Checks on where an edit will be written, made before the edit runs so that a bad output path fails in
 * milliseconds instead of after the whole edit.
 */
public final class EditOutput {

  private EditOutput() {}

  /**
   * Fails unless {@code out} can be written: named {@code .png} (the lossless format that keeps the pixels
   * outside the region exactly), not a folder, in a folder that exists or can be made and accepts new files.
   * Creates the folder when missing; writes nothing else.
   */
  public static Path requireWritable(Path out) throws IOException {
    Path file = out.toAbsolutePath();
    if (Files.isDirectory(file)) {
      throw new IOException("output " + file + " is a folder; name a file in it, e.g. " + file.resolve("edit.png"));
    }
    requirePng(out);
    Path dir = file.getParent();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new IOException("cannot create the output folder " + dir + " (" + e + "); choose another output path",
          e);
    }
    Path probe;
    try {
      probe = Files.createTempFile(dir, "." + file.getFileName(), ".probe");
    } catch (IOException e) {
      throw new AccessDeniedException(file.toString(), null,
          "cannot write to the output folder " + dir + " (" + e.getClass().getSimpleName() + "); choose a folder you"
              + " can write to, or fix its permissions");
    }
    Files.delete(probe);
    return out;
  }

  static void requirePng(Path out) {
    String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!name.endsWith(".png")) {
      throw new IllegalArgumentException("output " + out + " must be a .png file: an edit is written as lossless PNG"
          + " so the pixels outside the region stay exactly the bedrock's; name it e.g. "
          + out.resolveSibling(stem(out.getFileName().toString()) + ".png").getFileName());
    }
  }

  private static String stem(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
