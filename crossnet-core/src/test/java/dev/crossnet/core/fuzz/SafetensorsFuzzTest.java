package dev.crossnet.core.fuzz;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.testing.Mutator;
import dev.crossnet.core.weights.SafetensorsFile;
import dev.crossnet.core.weights.SafetensorsWriter;
import dev.crossnet.core.weights.WeightsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged safetensors files (header length, JSON header, dtypes, shapes, offsets, data) either load or fail with a
 * {@link WeightsException} that names the file: never another exception, never a crash.
 */
class SafetensorsFuzzTest {

  @Test
  void aDamagedSafetensorsFileFailsNamingItselfOrLoads(@TempDir Path dir) throws IOException {
    Path seedFile = dir.resolve("seed.safetensors");
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      Map<String, NDArray> tensors = new LinkedHashMap<>();
      tensors.put("conv.weight", m.arange(24f).reshape(2, 3, 2, 2));
      tensors.put("conv.bias", m.create(new float[] {1, 2}).toType(DataType.FLOAT16, false));
      tensors.put("steps", m.create(new long[] {3, 4, 5}));
      tensors.put("empty", m.zeros(new Shape(0, 4)));
      SafetensorsWriter.write(seedFile, tensors, Map.of("format", "pt"));
    }
    byte[] seed = Files.readAllBytes(seedFile);
    Mutator mutator = new Mutator(FuzzCases.SEED);
    Path file = dir.resolve("damaged.safetensors");
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      for (int i = 0; i < FuzzCases.CASES; i++) {
        byte[] input = mutator.bytes(seed);
        FuzzCases.write(file, input);
        try (NDManager scope = m.newSubManager()) {
          readWhole(file, scope);
        } catch (WeightsException e) {
          if (!e.getMessage().contains(file.toString())) {
            throw FuzzCases.failure(i, input, e);
          }
        } catch (RuntimeException | Error e) {
          throw FuzzCases.failure(i, input, e);
        }
      }
    }
  }

  private static void readWhole(Path file, NDManager manager) {
    try (SafetensorsFile weights = SafetensorsFile.open(file)) {
      weights.metadata();
      for (String name : weights.names()) {
        weights.info(name);
        weights.load(name, manager).close();
      }
    }
  }
}
