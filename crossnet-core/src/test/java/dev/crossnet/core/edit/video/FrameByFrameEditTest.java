package dev.crossnet.core.edit.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossnet.api.edit.EditResult;
import dev.crossnet.api.edit.Editor;
import dev.crossnet.api.edit.ReadyVideoEdit;
import dev.crossnet.api.edit.VideoEditResult;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.plugin.UnknownOptionException;
import dev.crossnet.api.region.Region;
import dev.crossnet.api.subject.Subject;
import dev.crossnet.api.video.RegionTrack;
import dev.crossnet.api.video.Video;
import dev.crossnet.core.edit.DiffusionEditRuntime;
import dev.crossnet.core.edit.EmbeddingFile;
import dev.crossnet.core.edit.ModelCache;
import dev.crossnet.core.testing.TinyModelFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Video edits end to end on the tiny golden model: 32x32 frames, 3 DDIM steps. */
class FrameByFrameEditTest {

  private static final int SIZE = 32;
  private static final String WORD = "<red-thing>";

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
    var m = cache.get(java.util.Optional.of(model));
    try (ai.djl.ndarray.NDManager scope = cache.newEditManager()) {
      int red = m.tokenizer().tokenize("red")[0];
      int robot = m.tokenizer().tokenize("robot")[0];
      embedding = dir.resolve("red-thing.safetensors");
      EmbeddingFile.save(embedding, WORD,
          m.textEncoder().tokenEmbeddings().get(scope.create(new long[] {red, robot})));
    }
  }

  @AfterAll
  static void tearDown() {
    if (cache != null) {
      cache.close();
    }
  }

  /** A colour ramp shifted right by {@code shift} pixels: structure everywhere, moving from frame to frame. */
  static Picture frame(int shift) {
    int[] rgb = new int[SIZE * SIZE];
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        int u = (x + shift) % SIZE;
        rgb[y * SIZE + x] = ((u * 8) << 16) | ((y * 8) << 8) | ((u + y) * 4);
      }
    }
    return Picture.ofRgb(SIZE, SIZE, rgb);
  }

  static Video clip(int... shifts) {
    List<Picture> frames = new ArrayList<>();
    for (int s : shifts) {
      frames.add(frame(s));
    }
    return Video.of(frames, 8);
  }

  static ReadyVideoEdit edit(Video clip) {
    return Editor.bedrock(clip).replace(RegionTrack.box(8, 8, 12, 12))
        .with(Subject.fromEmbedding(WORD, embedding)).prompt("a photo of " + WORD + " sitting").model(model)
        .steps(3).guidanceScale(3).seed(11);
  }

  /** The edit without the temporal anchor: frames tied only by noise and attention. */
  static ReadyVideoEdit free(Video clip) {
    return edit(clip).option(VideoOptions.ANCHOR, "off");
  }

  @Test
  void everyFrameIsEditedInsideItsRegionAndKeptOutsideIt() {
    Video clip = clip(0, 2, 4);
    VideoEditResult result = edit(clip).run(runtime);
    assertThat(result.video().frameCount()).isEqualTo(3);
    assertThat(result.video().framesPerSecond()).isEqualTo(8);
    for (int f = 0; f < 3; f++) {
      Picture in = clip.frame(f);
      Picture out = result.video().frame(f);
      int changedInside = 0;
      for (int y = 0; y < SIZE; y++) {
        for (int x = 0; x < SIZE; x++) {
          boolean inside = x >= 8 && x < 20 && y >= 8 && y < 20;
          if (!inside) {
            assertThat(out.rgb(x, y)).as("frame %d pixel %d,%d outside the box", f, x, y).isEqualTo(in.rgb(x, y));
          } else if (out.rgb(x, y) != in.rgb(x, y)) {
            changedInside++;
          }
        }
      }
      assertThat(changedInside).as("frame %d changed inside", f).isPositive();
    }
    assertThat(result.record()).containsEntry("video.frames", "3").containsEntry("video.cross-frame", "false")
        .containsEntry("video.noise", "shared").containsEntry(VideoOptions.ANCHOR, "first")
        .containsEntry(VideoOptions.ANCHOR_MOTION, "flow").containsEntry("seed", "11");
    assertThat(result.timings()).containsKey("sample");
  }

  @Test
  void progressRisesStepByStepThroughEveryFrame() {
    List<dev.crossnet.api.progress.Progress> seen = new ArrayList<>();
    edit(clip(0, 1, 2)).steps(2).strength(1.0).progress(seen::add).run(runtime);
    assertThat(seen).isNotEmpty().allMatch(p -> p.phase().equals(FrameByFrameEdit.PHASE));
    assertThat(seen).extracting(dev.crossnet.api.progress.Progress::done).isSorted();
    assertThat(seen.get(seen.size() - 1).done()).isEqualTo(seen.get(0).total()).isEqualTo(6);
  }

  @Test
  void theSameVideoEditGivesTheSameClip() {
    Video clip = clip(0, 3);
    assertThat(edit(clip).run(runtime).video()).isEqualTo(edit(clip).run(runtime).video());
  }

  @Test
  void crossFrameAttentionChangesLaterFramesButNotTheFirst() {
    Video clip = clip(0, 2, 4);
    VideoEditResult attending = free(clip).option(VideoOptions.CROSS_FRAME, true).run(runtime);
    assertThat(attending.record()).containsEntry("video.cross-frame", "true")
        .containsEntry("video.cross-frame.unmatched-calls", "0").containsKey("video.cross-frame.held");
    Video on = attending.video();
    Video off = free(clip).option(VideoOptions.CROSS_FRAME, false).run(runtime).video();
    assertThat(on.frame(0)).as("the first frame attends to itself only").isEqualTo(off.frame(0));
    assertThat(on.frame(1)).isNotEqualTo(off.frame(1));
    assertThat(on.frame(2)).isNotEqualTo(off.frame(2));
  }

  @Test
  void withoutCrossFrameAttentionEachFrameIsThePictureEditOfThatFrame() {
    Video clip = clip(0, 5);
    Video video = free(clip).option(VideoOptions.CROSS_FRAME, false).run(runtime).video();
    EditResult second = Editor.bedrock(clip.frame(1)).replace(Region.box(8, 8, 12, 12))
        .with(Subject.fromEmbedding(WORD, embedding)).prompt("a photo of " + WORD + " sitting").model(model)
        .steps(3).guidanceScale(3).seed(11).run(runtime);
    assertThat(video.frame(1)).as("shared noise: the frame's own edit with the edit's seed")
        .isEqualTo(second.picture());
  }

  @Test
  void sharedNoiseDrawsIdenticalFramesAlikeAndIndependentNoiseDoesNot() {
    Video still = clip(0, 0);
    Video shared = free(still).option(VideoOptions.CROSS_FRAME, false).run(runtime).video();
    Video independent = free(still).option(VideoOptions.CROSS_FRAME, false).option(VideoOptions.NOISE, "independent")
        .run(runtime).video();
    assertThat(shared.frame(1)).isEqualTo(shared.frame(0));
    assertThat(independent.frame(1)).isNotEqualTo(independent.frame(0));
    assertThat(independent.frame(0)).as("frame 0 keeps the edit's own seed").isEqualTo(shared.frame(0));
  }

  @Test
  void anAnchorChangesLaterFramesButNotTheFirstAndIsRecorded() {
    Video clip = clip(0, 2, 4);
    Video off = edit(clip).option(VideoOptions.ANCHOR, "off").run(runtime).video();
    VideoEditResult first = edit(clip).option(VideoOptions.ANCHOR, "first").option(VideoOptions.ANCHOR_UNTIL, 1.0)
        .run(runtime);
    assertThat(first.video().frame(0)).as("nothing to hold the first frame to").isEqualTo(off.frame(0));
    assertThat(first.video().frame(1)).isNotEqualTo(off.frame(1));
    assertThat(first.video().frame(2)).isNotEqualTo(off.frame(2));
    assertThat(first.record()).containsEntry(VideoOptions.ANCHOR, "first")
        .containsEntry(VideoOptions.ANCHOR_UNTIL, "1.0");
    Video previous = edit(clip).option(VideoOptions.ANCHOR, "previous").option(VideoOptions.ANCHOR_UNTIL, 1.0)
        .run(runtime).video();
    assertThat(previous.frame(1)).as("frame 1's previous frame is the first").isEqualTo(first.video().frame(1));
    assertThat(previous.frame(2)).isNotEqualTo(first.video().frame(2));
  }

  @Test
  void anAnchorHeldForNoStepChangesNothing() {
    Video clip = clip(0, 3);
    Video off = edit(clip).option(VideoOptions.ANCHOR, "off").run(runtime).video();
    Video none = edit(clip).option(VideoOptions.ANCHOR, "previous").option(VideoOptions.ANCHOR_UNTIL, 0.0)
        .run(runtime).video();
    assertThat(none).isEqualTo(off);
  }

  @Test
  void followingNoiseIsSharedNoiseWhileTheRegionStaysAndMovesWhenItMoves() {
    Video still = clip(0, 0);
    RegionTrack staying = RegionTrack.box(8, 8, 12, 12);
    RegionTrack moving = RegionTrack.perFrame(List.of(Region.box(4, 8, 12, 12), Region.box(12, 8, 12, 12)));
    Video sharedStaying = edit(still, staying).option(VideoOptions.NOISE, "shared").run(runtime).video();
    Video followStaying = edit(still, staying).option(VideoOptions.NOISE, "follow").run(runtime).video();
    assertThat(followStaying).isEqualTo(sharedStaying);
    Video sharedMoving = edit(still, moving).option(VideoOptions.NOISE, "shared").run(runtime).video();
    VideoEditResult followMoving = edit(still, moving).option(VideoOptions.NOISE, "follow").run(runtime);
    assertThat(followMoving.video().frame(0)).isEqualTo(sharedMoving.frame(0));
    assertThat(followMoving.video().frame(1)).isNotEqualTo(sharedMoving.frame(1));
    assertThat(followMoving.record()).containsEntry(VideoOptions.NOISE, "follow");
  }

  private static ReadyVideoEdit edit(Video clip, RegionTrack track) {
    return Editor.bedrock(clip).replace(track).with(Subject.fromEmbedding(WORD, embedding))
        .prompt("a photo of " + WORD + " sitting").model(model).steps(3).guidanceScale(3).seed(11)
        .option(VideoOptions.CROSS_FRAME, false).option(VideoOptions.ANCHOR, "off");
  }

  @Test
  void aVideoEditLeavesNothingBehind() {
    Video clip = clip(0, 1);
    edit(clip).steps(1).run(runtime);
    long before = runtime.openArrays();
    edit(clip(0, 1, 2, 3)).steps(1).run(runtime);
    edit(clip(0, 1, 2)).steps(2).option(VideoOptions.ANCHOR, "previous").option(VideoOptions.ANCHOR_UNTIL, 1.0)
        .run(runtime);
    assertThat(runtime.openArrays()).isEqualTo(before);
  }

  @Test
  void badVideoOptionsAreRefusedBeforeAnyModelWork() {
    Video clip = clip(0, 1);
    assertThatThrownBy(() -> edit(clip).option("video.cross-frames", false).run(runtime))
        .isInstanceOf(UnknownOptionException.class).hasMessageContaining("video.cross-frame");
    assertThatThrownBy(() -> edit(clip).option(VideoOptions.NOISE, "fresh").run(runtime))
        .hasMessageContaining("shared").hasMessageContaining("follow").hasMessageContaining("independent");
    assertThatThrownBy(() -> edit(clip).option(VideoOptions.ANCHOR, "last").run(runtime))
        .hasMessageContaining("first").hasMessageContaining("previous").hasMessageContaining("off");
    assertThatThrownBy(() -> edit(clip).option(VideoOptions.ANCHOR_UNTIL, 1.5).run(runtime))
        .hasMessageContaining(VideoOptions.ANCHOR_UNTIL).hasMessageContaining("[0, 1]");
    assertThatThrownBy(() -> edit(clip).option(VideoOptions.ANCHOR_FACTOR, 0).run(runtime))
        .hasMessageContaining(VideoOptions.ANCHOR_FACTOR);
    assertThatThrownBy(() -> edit(clip).options(Map.of("branch.motion.nonsense", 1)).run(runtime))
        .isInstanceOf(UnknownOptionException.class).hasMessageContaining("branch.motion.nonsense");
    assertThatThrownBy(() -> edit(clip).option("subjects", "one-by-one").run(runtime))
        .hasMessageContaining("subjects=one-by-one").hasMessageContaining("video edit runs every subject together");
  }

  @Test
  void twoSubjectsAreEachAnchoredInTheirOwnMovingRegionAndNothingOutsideChanges() {
    Video clip = clip(0, 2, 4);
    Subject red = Subject.fromEmbedding(WORD, embedding);
    Subject other = Subject.fromEmbedding("<other-thing>", embedding);
    VideoEditResult result = Editor.bedrock(clip)
        .replace(RegionTrack.perFrame(List.of(Region.box(1, 2, 8, 8), Region.box(3, 2, 8, 8), Region.box(5, 2, 8, 8))))
        .with(red)
        .replace(RegionTrack.box(18, 18, 10, 10)).with(other)
        .prompt("a photo of " + WORD + " and <other-thing>").model(model).steps(2).guidanceScale(3).seed(5)
        .run(runtime);
    assertThat(result.record()).containsEntry(VideoOptions.ANCHOR, "first");
    for (int f = 0; f < 3; f++) {
      Picture in = clip.frame(f);
      Picture out = result.video().frame(f);
      int left = 1 + 2 * f;
      for (int y = 0; y < SIZE; y++) {
        for (int x = 0; x < SIZE; x++) {
          boolean first = x >= left && x < left + 8 && y >= 2 && y < 10;
          boolean second = x >= 18 && x < 28 && y >= 18 && y < 28;
          if (!first && !second) {
            assertThat(out.rgb(x, y)).as("frame %d pixel %d,%d", f, x, y).isEqualTo(in.rgb(x, y));
          }
        }
      }
    }
  }

  @Test
  void aTrackWithARegionPerFrameMovesWithTheOccupant() {
    Video clip = clip(0, 0);
    VideoEditResult result = Editor.bedrock(clip)
        .replace(RegionTrack.perFrame(List.of(Region.box(2, 8, 10, 10), Region.box(18, 8, 10, 10))))
        .with(Subject.fromEmbedding(WORD, embedding)).prompt("a photo of " + WORD).model(model).steps(2)
        .guidanceScale(3).seed(3).run(runtime);
    // frame 0 keeps the right side, frame 1 the left side
    assertThat(result.video().frame(0).rgb(24, 12)).isEqualTo(clip.frame(0).rgb(24, 12));
    assertThat(result.video().frame(1).rgb(5, 12)).isEqualTo(clip.frame(1).rgb(5, 12));
  }
}
