package dev.crossnet.core.edit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossnet.api.edit.Editor;
import dev.crossnet.api.image.ImageFile;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Region;
import dev.crossnet.api.subject.Subject;
import dev.crossnet.core.testing.PngFixtures;
import dev.crossnet.core.testing.PngFixtures.Kind;
import dev.crossnet.core.testing.TinyModelFolder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Through the real edit on the tiny model: a bedrock file of every PNG kind, and a JPEG, comes back with every
 * pixel beyond the feather exactly as the file held it.
 */
class BedrockFileEditTest {

  private static final int SIZE = TinyEdits.SIZE;

  @TempDir static Path dir;
  private static Path model;
  private static ModelCache cache;
  private static DiffusionEditRuntime runtime;
  private static Path embedding;

  @BeforeAll
  static void setUp() {
    model = TinyModelFolder.assemble(dir.resolve("model"));
    cache = new ModelCache();
    runtime = new DiffusionEditRuntime(cache);
    embedding = TinyEdits.embedding(cache, model, dir);
  }

  @AfterAll
  static void tearDown() {
    if (cache != null) {
      cache.close();
    }
  }

  static Stream<Kind> kinds() {
    return PngFixtures.allKinds();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void everyPixelBeyondTheFeatherIsTheFilesOwn(Kind kind) throws IOException {
    Path in = PngFixtures.write(kind, SIZE, SIZE, dir.resolve(kind + ".png"));
    Path out = edit(in, kind + "-edit.png");
    BufferedImage before = ImageIO.read(in.toFile());
    BufferedImage after = ImageIO.read(out.toFile());
    int changedInside = 0;
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        if (beyondFeather(x, y)) {
          assertThat(PngFixtures.levels(after, x, y)).as("pixel (%d, %d)", x, y)
              .isEqualTo(PngFixtures.levels(before, x, y));
        } else if (!PngFixtures.levels(after, x, y).equals(PngFixtures.levels(before, x, y))) {
          changedInside++;
        }
      }
    }
    assertThat(changedInside).as("pixels the edit changed").isPositive();
  }

  @Test
  void aJpegBedrockKeepsItsDecodedPixelsBeyondTheFeather() throws IOException {
    BufferedImage photo = TinyEdits.bedrock().toBufferedImage();
    Path in = dir.resolve("photo.jpg");
    assertThat(ImageIO.write(photo, "jpg", in.toFile())).isTrue();
    Path out = edit(in, "photo-edit.png");
    Picture decoded = Picture.read(in);
    Picture written = Picture.read(out);
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        if (beyondFeather(x, y)) {
          assertThat(written.rgb(x, y)).as("pixel (%d, %d)", x, y).isEqualTo(decoded.rgb(x, y));
        }
      }
    }
  }

  private static Path edit(Path in, String outName) throws IOException {
    ImageFile bedrock = ImageFile.read(in);
    Picture edited = Editor.bedrock(bedrock.picture())
        .replace(Region.box(8, 8, 12, 12))
        .with(Subject.fromEmbedding("<red-thing>", embedding))
        .prompt("a photo of <red-thing> sitting")
        .model(model)
        .steps(2)
        .guidanceScale(3)
        .seed(11)
        .option("branch.region.feather", 2)
        .run(runtime)
        .picture();
    Path out = dir.resolve(outName);
    bedrock.writeEdit(edited, out);
    return out;
  }

  /** Box 8..19 with feather radius 2, applied twice, reaches 4 pixels out. */
  private static boolean beyondFeather(int x, int y) {
    return x < 4 || x > 23 || y < 4 || y > 23;
  }
}
