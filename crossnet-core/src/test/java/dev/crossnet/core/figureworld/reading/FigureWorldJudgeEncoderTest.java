package dev.crossnet.core.figureworld.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.subject.Subject;
import dev.crossnet.core.edit.encoder.SubjectEncoder;
import dev.crossnet.core.engine.OfflineEngine;
import dev.crossnet.core.figureworld.Appearance;
import dev.crossnet.core.figureworld.Colour;
import dev.crossnet.core.figureworld.FigureKind;
import dev.crossnet.core.figureworld.Scene;
import dev.crossnet.core.figureworld.SceneGenerator;
import dev.crossnet.core.figureworld.SceneOptions;
import dev.crossnet.core.figureworld.Size;
import dev.crossnet.core.model.DefaultModel;
import dev.crossnet.core.model.DiffusionModel;
import dev.crossnet.core.testing.TinyModelFolder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The FigureWorld judge encoder on renders, read against the default model's word embeddings. */
public class FigureWorldJudgeEncoderTest {

  private static final List<String> SIZES = List.of("small", "large");
  private static final List<String> COLOURS = Arrays.stream(Colour.values()).map(Colour::word).toList();
  private static final List<String> KINDS = Arrays.stream(FigureKind.values()).map(FigureKind::noun).toList();

  @TempDir static Path dir;
  private static NDManager manager;
  private static DiffusionModel model;
  private final SubjectEncoder encoder = new FigureWorldJudgeEncoder();

  @BeforeAll
  static void setUp() {
    manager = OfflineEngine.get().newBaseManager();
    model = DefaultModel.load(manager);
  }

  @AfterAll
  static void tearDown() {
    if (manager != null) {
      manager.close();
    }
  }

  @Test
  void aRedRobotReadsAsTheWordsLargeRedRobot() {
    try (NDManager m = manager.newSubManager()) {
      float[][] rows = rows(encoder.encode(Subject.of("<it>", figure(FigureKind.ROBOT, Colour.RED, false)), model,
          m).rows());

      assertThat(rows).hasNumberOfRows(3);
      assertThat(closest(rows[0], SIZES)).isEqualTo("large");
      assertThat(closest(rows[1], COLOURS)).isEqualTo("red");
      assertThat(closest(rows[2], KINDS)).isEqualTo("robot");
    }
  }

  @Test
  void aHatAddsTheRowsOfWithAHat() {
    try (NDManager m = manager.newSubManager()) {
      SubjectEncoder.Encoding e = encoder.encode(Subject.of("<it>", figure(FigureKind.PERSON, Colour.GREEN, true)),
          model, m);
      float[][] rows = rows(e.rows());

      assertThat(rows).hasNumberOfRows(6);
      assertThat(rows[3]).containsExactly(word("with"));
      assertThat(rows[4]).containsExactly(word("a"));
      assertThat(rows[5]).containsExactly(word("hat"));
      assertThat(e.description()).contains("green").contains("person").contains("\"with a hat\" added");
    }
  }

  @Test
  void twoPicturesGiveTheMeanOfTheirRows() {
    Picture red = figure(FigureKind.ROBOT, Colour.RED, false);
    Picture blue = figure(FigureKind.ROBOT, Colour.BLUE, false);
    try (NDManager m = manager.newSubManager()) {
      float[][] redRows = rows(encoder.encode(Subject.of("<it>", red), model, m).rows());
      float[][] blueRows = rows(encoder.encode(Subject.of("<it>", blue), model, m).rows());
      SubjectEncoder.Encoding both = encoder.encode(Subject.of("<it>", red, blue), model, m);
      float[][] bothRows = rows(both.rows());

      assertThat(bothRows).hasNumberOfRows(3);
      for (int r = 0; r < 3; r++) {
        for (int d = 0; d < bothRows[r].length; d++) {
          assertThat(bothRows[r][d]).as("row %d, dim %d", r, d)
              .isCloseTo((redRows[r][d] + blueRows[r][d]) / 2, org.assertj.core.data.Offset.offset(1e-4f));
        }
      }
      assertThat(bothRows[1]).isNotEqualTo(redRows[1]);
      assertThat(both.description()).contains("2 pictures");
    }
  }

  @Test
  void aMaskedPictureReadsTheFigureInsideTheMask() {
    Scene two = new SceneGenerator(SceneOptions.defaults().withFigures(2, 2).withRelationChance(0)).generate(5);
    Scene redRobot = two.idealEdit(0, FigureKind.ROBOT, new Appearance(Colour.RED, false, Size.LARGE)).edited();
    Scene scene = redRobot.idealEdit(1, FigureKind.DOG, new Appearance(Colour.BLUE, false, Size.LARGE)).edited();
    try (NDManager m = manager.newSubManager()) {
      float[][] first = rows(encoder.encode(Subject.of("<it>", scene.picture())
          .withMasks(scene.figures().get(0).mask()), model, m).rows());
      float[][] second = rows(encoder.encode(Subject.of("<it>", scene.picture())
          .withMasks(scene.figures().get(1).mask()), model, m).rows());

      assertThat(closest(first[1], COLOURS)).isEqualTo("red");
      assertThat(closest(first[2], KINDS)).isEqualTo("robot");
      assertThat(closest(second[1], COLOURS)).isEqualTo("blue");
      assertThat(closest(second[2], KINDS)).isEqualTo("dog");
    }
  }

  @Test
  void aModelWhoseVocabularyLacksFigureWorldsWordsIsRefusedNamingThem() {
    try (NDManager m = manager.newSubManager()) {
      DiffusionModel tiny = DiffusionModel.load(TinyModelFolder.assemble(dir.resolve("tiny")), m);
      Subject subject = Subject.of("<it>", figure(FigureKind.ROBOT, Colour.RED, false));

      assertThatThrownBy(() -> encoder.encode(subject, tiny, m))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("vocabulary lacks")
          .hasMessageContaining("large")
          .hasMessageContaining("branch.appearance.source=encoder")
          .hasMessageContaining("default model");
    }
  }

  @Test
  void anEmptyMaskIsRefusedNamingTheSubject() {
    Picture p = figure(FigureKind.ROBOT, Colour.RED, false);
    Subject subject = Subject.of("<it>", p)
        .withMasks(dev.crossnet.api.region.Mask.of(p.width(), p.height(), new float[p.width() * p.height()]));
    try (NDManager m = manager.newSubManager()) {
      assertThatThrownBy(() -> encoder.encode(subject, model, m))
          .hasMessageContaining("mask 0 of subject '<it>' is empty");
    }
  }

  /** A 64x64 render of one large figure of this kind and colour. */
  public static Picture figure(FigureKind kind, Colour colour, boolean hat) {
    Scene one = new SceneGenerator(SceneOptions.defaults().withFigures(1, 1).withRelationChance(0)).generate(3);
    return one.idealEdit(0, kind, new Appearance(colour, hat, Size.LARGE)).edited().picture();
  }

  private static float[][] rows(NDArray rows) {
    int n = (int) rows.getShape().get(0);
    float[] flat = rows.toFloatArray();
    int d = flat.length / n;
    float[][] out = new float[n][];
    for (int i = 0; i < n; i++) {
      out[i] = Arrays.copyOfRange(flat, i * d, (i + 1) * d);
    }
    return out;
  }

  private static float[] word(String w) {
    int[] ids = model.tokenizer().tokenize(w);
    assertThat(ids).as("'%s' is one token of the default model", w).hasSize(1);
    try (NDManager scope = manager.newSubManager()) {
      NDArray row = model.textEncoder().tokenEmbeddings().get(scope.create(new long[] {ids[0]}));
      row.attach(scope);
      return row.toFloatArray();
    }
  }

  /** The word among {@code words} whose embedding has the highest cosine similarity with {@code row}. */
  private static String closest(float[] row, List<String> words) {
    String best = null;
    double bestCosine = Double.NEGATIVE_INFINITY;
    for (String w : words) {
      float[] e = word(w);
      double dot = 0;
      double a = 0;
      double b = 0;
      for (int i = 0; i < e.length; i++) {
        dot += row[i] * e[i];
        a += row[i] * row[i];
        b += e[i] * e[i];
      }
      double cosine = dot / Math.sqrt(a * b);
      if (cosine > bestCosine) {
        bestCosine = cosine;
        best = w;
      }
    }
    return best;
  }
}
