package dev.crossnet.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossnet.api.image.Picture;
import dev.crossnet.api.video.Video;
import dev.crossnet.examples.edit.DemoScenes;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crossnet edit} and {@code crossnet video} with two regions, each replaced by its own subject, on the
 * embedded inpainting model.
 */
class SeveralSubjectsCommandTest {

  @Test
  void twoRegionsAreEachRedrawnAndNothingBetweenThemChanges(@TempDir Path dir) throws Exception {
    Picture scene = DemoScenes.mainSubjectFrom(3).picture();
    Path bedrock = dir.resolve("bedrock.png");
    scene.write(bedrock);
    Path out = dir.resolve("edit.png");

    CliRun run = CliRun.of("edit", "--bedrock", bedrock.toString(), "--region", "0,16,48,112", "--subject",
        bedrock.toString(), "--region", "80,16,48,112", "--subject", bedrock.toString(), "--steps", "3", "--out",
        out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("wrote " + out);
    Picture edited = Picture.read(out);
    int[] before = scene.rgbPixels();
    int[] after = edited.rgbPixels();
    int changedLeft = 0;
    int changedRight = 0;
    for (int y = 0; y < scene.height(); y++) {
      for (int x = 0; x < scene.width(); x++) {
        int i = y * scene.width() + x;
        boolean inLeft = x < 48 && y >= 16;
        boolean inRight = x >= 80 && y >= 16;
        if (!inLeft && !inRight) {
          assertThat(after[i]).as("pixel (%d, %d) outside both regions", x, y).isEqualTo(before[i]);
        }
        changedLeft += inLeft && after[i] != before[i] ? 1 : 0;
        changedRight += inRight && after[i] != before[i] ? 1 : 0;
      }
    }
    assertThat(changedLeft).as("pixels redrawn in the first region").isGreaterThan(100);
    assertThat(changedRight).as("pixels redrawn in the second region").isGreaterThan(100);
  }

  @Test
  void aClipsTwoTracksAreEachRedrawnInEveryFrameAndNothingBetweenThemChanges(@TempDir Path dir) throws Exception {
    List<Picture> frames = List.of(DemoScenes.mainSubjectFrom(3).picture(), DemoScenes.mainSubjectFrom(4).picture());
    Path clip = dir.resolve("clip");
    Video.of(frames, 8).write(clip);
    Path subject = dir.resolve("subject.png");
    frames.get(0).write(subject);
    Path out = dir.resolve("edited");
    Path masks = dir.resolve("masks");
    Video.of(List.of(boxMask(80), boxMask(72)), 8).write(masks);

    CliRun run = CliRun.of("video", "--bedrock", clip.toString(), "--region", "0,16,48,112", "--subject",
        subject.toString(), "--masks", masks.toString(), "--subject", subject.toString(), "--steps", "2", "--out",
        out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    Video edited = Video.read(out);
    assertThat(edited.frameCount()).isEqualTo(2);
    for (int f = 0; f < 2; f++) {
      int rightX = f == 0 ? 80 : 72;
      int[] before = frames.get(f).rgbPixels();
      int[] after = edited.frame(f).rgbPixels();
      int width = frames.get(f).width();
      int changedLeft = 0;
      int changedRight = 0;
      for (int i = 0; i < before.length; i++) {
        int x = i % width;
        int y = i / width;
        boolean inLeft = x < 48 && y >= 16;
        boolean inRight = x >= rightX && x < rightX + 48 && y >= 16;
        if (!inLeft && !inRight) {
          assertThat(after[i]).as("frame %d, pixel (%d, %d) outside both tracks", f, x, y).isEqualTo(before[i]);
        }
        changedLeft += inLeft && after[i] != before[i] ? 1 : 0;
        changedRight += inRight && after[i] != before[i] ? 1 : 0;
      }
      assertThat(changedLeft).as("frame %d: pixels redrawn in the first track", f).isGreaterThan(100);
      assertThat(changedRight).as("frame %d: pixels redrawn in the second track", f).isGreaterThan(100);
    }
  }

  /** A 128x128 mask picture, white in the box from x = {@code left}, 48 wide, y from 16 down. */
  private static Picture boxMask(int left) {
    int[] pixels = new int[128 * 128];
    for (int i = 0; i < pixels.length; i++) {
      int x = i % 128;
      int y = i / 128;
      pixels[i] = x >= left && x < left + 48 && y >= 16 ? 0xFFFFFF : 0;
    }
    return Picture.ofRgb(128, 128, pixels);
  }
}
