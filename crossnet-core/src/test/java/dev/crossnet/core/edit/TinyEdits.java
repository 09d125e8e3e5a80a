package dev.crossnet.core.edit;

import dev.crossnet.api.edit.Editor;
import dev.crossnet.api.edit.ReadyEdit;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Region;
import dev.crossnet.api.subject.Subject;
import java.nio.file.Path;

/** Small, fast edits on the tiny golden model: 32x32 bedrock, 4 DDIM steps, 3 inversion steps. */
final class TinyEdits {

  static final int SIZE = 32;

  private TinyEdits() {}

  /** A bedrock with structure everywhere (a colour ramp), so that "unchanged" can be told from "redrawn". */
  static Picture bedrock() {
    int[] rgb = new int[SIZE * SIZE];
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        rgb[y * SIZE + x] = ((x * 8) << 16) | ((y * 8) << 8) | ((x + y) * 4);
      }
    }
    return Picture.ofRgb(SIZE, SIZE, rgb);
  }

  static Subject redThing() {
    return Subject.of("<red-thing>", Picture.filled(16, 16, 0xD02020), Picture.filled(24, 24, 0xC01818));
  }

  /**
   * A learned-looking subject without the cost of learning: the embedding file holds the table rows of
   * "red" and "robot" (two tokens).
   */
  static Path embedding(ModelCache cache, Path model, Path dir) {
    var m = cache.get(java.util.Optional.of(model));
    try (ai.djl.ndarray.NDManager scope = cache.newEditManager()) {
      int red = m.tokenizer().tokenize("red")[0];
      int robot = m.tokenizer().tokenize("robot")[0];
      var rows = m.textEncoder().tokenEmbeddings().get(scope.create(new long[] {red, robot}));
      Path file = dir.resolve("red-thing.safetensors");
      EmbeddingFile.save(file, "<red-thing>", rows);
      return file;
    }
  }

  /** An edit of a learned subject (loaded from its file): 4 steps, guidance 3. */
  static ReadyEdit edit(Path model, Path embedding) {
    return Editor.bedrock(bedrock())
        .replace(Region.box(8, 8, 12, 12))
        .with(Subject.fromEmbedding("<red-thing>", embedding))
        .prompt("a photo of <red-thing> sitting")
        .model(model)
        .steps(4)
        .guidanceScale(3)
        .seed(11);
  }

  /** An edit of {@code subject} in the box (8, 8, 12, 12): 3 steps, guidance 3, seed 5, the motion branch off. */
  static ReadyEdit boxEdit(Path model, Subject subject) {
    return Editor.bedrock(bedrock())
        .replace(Region.box(8, 8, 12, 12))
        .with(subject)
        .model(model)
        .steps(3)
        .guidanceScale(3)
        .seed(5)
        .option("branch.motion", false);
  }

  /** A subject of one blue picture. */
  static Subject blue() {
    return Subject.of("<blue-thing>", Picture.filled(16, 16, 0x2040E0));
  }

  /**
   * Asserts that two results of {@link #boxEdit} differ nowhere outside the box, and returns how many pixels inside
   * it they differ at.
   */
  static int differingInsideTheBoxOnly(int[] a, int[] b) {
    int inside = 0;
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        int i = y * SIZE + x;
        boolean inBox = x >= 8 && x < 20 && y >= 8 && y < 20;
        if (!inBox) {
          org.assertj.core.api.Assertions.assertThat(a[i]).as("pixel %d,%d outside the box", x, y).isEqualTo(b[i]);
        } else if (a[i] != b[i]) {
          inside++;
        }
      }
    }
    return inside;
  }

  static int[] pixels(Picture p) {
    return p.rgbPixels();
  }
}
