package dev.crossnet.core.fuzz;

import dev.crossnet.api.image.ImageFile;
import dev.crossnet.core.testing.Mutator;
import dev.crossnet.core.testing.PngFixtures;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged picture files (PNG of several colour types, JPEG) are read or refused with an {@link IOException} that
 * names the file: never another exception, and never a decode that claims memory for a picture the header
 * invents.
 */
class PictureFileFuzzTest {

  @Test
  void aDamagedPictureFileIsRefusedNamingItselfOrRead(@TempDir Path dir) throws IOException {
    List<byte[]> seeds = Stream.concat(
            Stream.of(new PngFixtures.Kind(2, 8), new PngFixtures.Kind(0, 16), new PngFixtures.Kind(3, 4),
                new PngFixtures.Kind(6, 8)).map(kind -> PngFixtures.write(kind, 12, 9, dir.resolve(kind + ".png"))),
            Stream.of(jpeg(dir.resolve("seed.jpg"))))
        .map(PictureFileFuzzTest::bytes).toList();
    Mutator mutator = new Mutator(FuzzCases.SEED);
    for (int i = 0; i < FuzzCases.CASES; i++) {
      byte[] seed = seeds.get(i % seeds.size());
      byte[] input = mutator.bytes(seed);
      Path file = dir.resolve(seed[0] == (byte) 0x89 ? "damaged.png" : "damaged.jpg");
      FuzzCases.write(file, input);
      try {
        ImageFile.read(file).picture();
      } catch (IOException e) {
        if (!e.getMessage().contains(file.toString())) {
          throw FuzzCases.failure(i, input, e);
        }
      } catch (RuntimeException | Error e) {
        throw FuzzCases.failure(i, input, e);
      }
    }
  }

  private static Path jpeg(Path file) {
    BufferedImage image = new BufferedImage(16, 12, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 12; y++) {
      for (int x = 0; x < 16; x++) {
        image.setRGB(x, y, (x * 16) << 16 | (y * 20) << 8 | 128);
      }
    }
    try {
      ImageIO.write(image, "jpg", file.toFile());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return file;
  }

  private static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
