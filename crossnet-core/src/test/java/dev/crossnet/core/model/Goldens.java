package dev.crossnet.core.model;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.nn.GradMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

  /**
   * A golden folder opened for one test, with gradients off: its {@code model} folder and the tensors of its
   * {@code io.safetensors}, read into a manager closed with the case (skipped when the folder is absent).
   *
   * <pre>{@code
   * try (Goldens.Case g = Goldens.open("unet-a")) {
   *   UNet2DConditionModel unet = UNet2DConditionModel.load(g.model(), g.manager());
   *   assertThat(g.error(unet.forward(g.io("sample"), ...), "out")).isLessThan(1e-4f);
   * }
   * }</pre>
   */
  public static Case open(String name) throws IOException {
    return new Case(name, folder(name));
  }

  /** See {@link #open}. */
  public static final class Case implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Case.class);

    private final String name;
    private final Path dir;
    private final NDManager manager;
    private final GradMode gradientsOff;
    private final Map<String, NDArray> io;

    private Case(String name, Path dir) throws IOException {
      this.name = name;
      this.dir = dir;
      this.manager = OfflineEngine.get().newBaseManager();
      this.gradientsOff = GradMode.disabled();
      try {
        this.io = read(dir.resolve("io.safetensors"), manager);
      } catch (IOException | RuntimeException e) {
        close();
        throw e;
      }
    }

    /** The model folder of the golden ({@code <folder>/model}). */
    public Path model() {
      return dir.resolve("model");
    }

    public NDManager manager() {
      return manager;
    }

    /** One tensor of {@code io.safetensors}. */
    public NDArray io(String key) {
      return io.get(key);
    }

    /** Largest absolute difference of {@code actual} to the io tensor {@code expected}, logged. */
    public float error(NDArray actual, String expected) {
      float err = maxAbsDiff(actual, io.get(expected));
      LOG.info("{} {} max abs error {}", name, expected, err);
      return err;
    }

    @Override
    public void close() {
      gradientsOff.close();
      manager.close();
    }
  }
}
