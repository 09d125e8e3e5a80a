package dev.crossnet.core.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossnet.api.edit.EditResult;
import dev.crossnet.api.edit.Editor;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Region;
import dev.crossnet.api.subject.Subject;
import dev.crossnet.core.model.DefaultModel;
import dev.crossnet.core.model.JsonConfig;
import dev.crossnet.core.model.unet.UNetConfig;
import dev.crossnet.core.model.vae.VaeConfig;
import dev.crossnet.core.testing.TinyModelFolder;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An edit too large for the memory limit is refused before it allocates, naming size, need, limit and fix. */
class EditMemoryLimitTest {

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

  private static UNetConfig defaultUnet() {
    return UNetConfig.from(JsonConfig.read(DefaultModel.folder().resolve("unet/config.json")));
  }

  private static Optional<VaeConfig> defaultVae() {
    return Optional.of(VaeConfig.from(JsonConfig.read(DefaultModel.folder().resolve("vae/config.json"))));
  }

  @Test
  void an8000By8000BedrockOnTheDefaultModelIsRefusedByTheDefaultLimit() {
    MemoryLimit limit = MemoryLimit.of(OptionalLong.empty());
    assertThatThrownBy(() -> limit.check(8000, 8000, 4,
        (w, h) -> EditMemoryEstimate.of(defaultUnet(), defaultVae(), w, h, true)))
        .hasMessageContaining("bedrock 8000x8000 needs about")
        .hasMessageContaining("more than the memory limit of")
        .hasMessageContaining("% of this machine's")
        .hasMessageContaining("resize the bedrock to at most")
        .hasMessageContaining("--memory-limit");
  }

  @Test
  void theSuggestedSizeFitsAndTheDefaultModelsOwnSizeFitsEasily() {
    long limit = 4L << 30;
    MemoryLimit four = new MemoryLimit(limit, "test");
    String message = catchMessage(() -> four.check(8000, 6000, 4,
        (w, h) -> EditMemoryEstimate.of(defaultUnet(), defaultVae(), w, h, true)));
    String size = message.replaceAll(".*at most (\\d+x\\d+).*", "$1");
    int w = Integer.parseInt(size.split("x")[0]);
    int h = Integer.parseInt(size.split("x")[1]);
    assertThat(w % 4).isZero();
    assertThat((double) w / h).isCloseTo(8000.0 / 6000, org.assertj.core.data.Offset.offset(0.05));
    assertThat(EditMemoryEstimate.of(defaultUnet(), defaultVae(), w, h, true).bytes()).isLessThanOrEqualTo(limit);
    assertThat(EditMemoryEstimate.of(defaultUnet(), defaultVae(), 64, 64, true).bytes()).isLessThan(64L << 20);
  }

  @Test
  void theEstimateGrowsWithTheSquareOfTheTokensAsMeasured() {
    // measured on this runtime (docs/limits.md): the VAE encode alone of 512x512 peaked at 1.3 GB, of 1024x1024
    // at 17.6 GB; attention of 2 x 8 heads over 8192 tokens at 4.3 GB
    long at512 = EditMemoryEstimate.of(defaultUnet(), defaultVae(), 512, 512, false).bytes();
    long at1024 = EditMemoryEstimate.of(defaultUnet(), defaultVae(), 1024, 1024, false).bytes();
    assertThat(at512).isGreaterThan(1_300_000_000L);
    assertThat(at1024).isGreaterThan(17_600_000_000L);
    assertThat((double) at1024 / at512).isBetween(15.0, 16.5);
    // the UNet's first level attends with 8 heads over (512 / 4)^2 tokens: 4 bytes x 8 x 16384^2
    assertThat(at512).isGreaterThanOrEqualTo(4L * 8 * 16384 * 16384);
  }

  @Test
  void theRuntimeRefusesAnEditOverTheEditsOwnLimit() {
    var edit = Editor.bedrock(Picture.filled(256, 256, 0x406080))
        .replace(Region.box(8, 8, 12, 12))
        .with(Subject.fromEmbedding("<red-thing>", embedding))
        .prompt("a photo of <red-thing> sitting")
        .model(model)
        .steps(1)
        .seed(1);
    assertThatThrownBy(() -> edit.memoryLimit(64L << 20).run(runtime))
        .hasMessageContaining("bedrock 256x256 needs about")
        .hasMessageContaining("memory limit of 64 MiB (the edit's memory limit)");
  }

  @Test
  void anEditThatFitsRecordsItsEstimate() {
    EditResult r = TinyEdits.edit(model, embedding).steps(1).memoryLimit(1L << 30).run(runtime);
    assertThat(r.record()).containsKey("memory.estimate");
  }

  private static String catchMessage(Runnable r) {
    try {
      r.run();
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected a refusal");
  }
}
