package dev.crossnet.core.fuzz;

import dev.crossnet.core.model.JsonConfig;
import dev.crossnet.core.model.clip.ClipTextConfig;
import dev.crossnet.core.model.unet.UNetConfig;
import dev.crossnet.core.model.vae.VaeConfig;
import dev.crossnet.core.testing.Mutator;
import dev.crossnet.core.testing.TinyModelFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged model configs (keys of the wrong type or an absurd size, missing keys, broken JSON) are read or refused
 * with an {@link IllegalArgumentException} that names the config file: never a ClassCastException, a
 * NumberFormatException or a model sized to exhaust memory.
 */
class ModelConfigFuzzTest {

  @Test
  void aDamagedUnetConfigIsRefusedNamingItsFile(@TempDir Path dir) throws IOException {
    fuzz(dir, "unet", c -> UNetConfig.from(c));
  }

  @Test
  void aDamagedVaeConfigIsRefusedNamingItsFile(@TempDir Path dir) throws IOException {
    fuzz(dir, "vae", c -> VaeConfig.from(c));
  }

  @Test
  void aDamagedTextEncoderConfigIsRefusedNamingItsFile(@TempDir Path dir) throws IOException {
    fuzz(dir, "text_encoder", c -> ClipTextConfig.from(c));
  }

  private static void fuzz(Path dir, String component, Consumer<JsonConfig> reader) throws IOException {
    Path model = TinyModelFolder.assemble(dir.resolve("model"));
    String seed = Files.readString(model.resolve(component).resolve("config.json"));
    Mutator mutator = new Mutator(FuzzCases.SEED);
    Path file = dir.resolve("config.json");
    for (int i = 0; i < FuzzCases.CASES; i++) {
      // mostly values of the wrong kind, sometimes damaged bytes
      byte[] input = i % 4 == 3 ? mutator.bytes(seed.getBytes(StandardCharsets.UTF_8))
          : mutator.json(seed).getBytes(StandardCharsets.UTF_8);
      FuzzCases.write(file, input);
      try {
        reader.accept(JsonConfig.read(file));
      } catch (IllegalArgumentException e) {
        if (!e.getMessage().contains(file.toString())) {
          throw FuzzCases.failure(i, input, e);
        }
      } catch (RuntimeException | Error e) {
        throw FuzzCases.failure(i, input, e);
      }
    }
  }
}
