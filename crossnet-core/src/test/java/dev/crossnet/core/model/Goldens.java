package dev.crossnet.core.model;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Finds the shared golden folders (system property {@code crossnet.shared}) and reads their tensors. */
public final class Goldens {

  private Goldens() {}

  /** The golden folder, or the test is skipped with a message when the shared folder is absent. */
  public static Path folder(String name) {
    String shared = System.getProperty("crossnet.shared");
    Path dir = shared == null ? null : Path.of(shared, "goldens", name);
    assumeTrue(dir != null && Files.isDirectory(dir),
        "golden folder " + dir + " is absent: set -Dcrossnet.shared to the folder holding goldens/" + name);
    return dir;
  }

  /** The named arrays of a safetensors file, in the manager. */
  public static Map<String, NDArray> read(Path file, NDManager manager) throws IOException {
    Map<String, NDArray> out = new LinkedHashMap<>();
    for (NDArray a : NDList.decode(manager, Files.readAllBytes(file))) {
      out.put(a.getName(), a);
    }
    return out;
  }

  /** Largest absolute difference. */
  public static float maxAbsDiff(NDArray a, NDArray b) {
    return a.sub(b).abs().max().getFloat();
  }
}
