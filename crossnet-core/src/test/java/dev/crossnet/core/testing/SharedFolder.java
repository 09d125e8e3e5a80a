package dev.crossnet.core.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared golden data, found through the {@code crossnet.shared} system property that the build sets. */
public final class SharedFolder {

  private SharedFolder() {}

  /** Whether the path exists under the shared folder (for argument sources, which cannot skip). */
  public static boolean has(String relative) {
    String root = System.getProperty("crossnet.shared");
    return root != null && Files.exists(Path.of(root).resolve(relative));
  }

  /** The path under the shared folder; skips the calling test, saying why, when the folder is absent. */
  public static Path resolve(String relative) {
    String root = System.getProperty("crossnet.shared");
    assumeTrue(root != null, "system property crossnet.shared is not set: run through Maven, or pass "
        + "-Dcrossnet.shared=/path/to/shared to compare against the golden files");
    Path path = Path.of(root).resolve(relative);
    assumeTrue(Files.exists(path), "golden data " + path + " is absent (crossnet.shared=" + root + ")");
    return path;
  }
}
