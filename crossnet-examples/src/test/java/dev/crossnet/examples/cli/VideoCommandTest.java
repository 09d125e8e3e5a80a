package dev.crossnet.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Box;
import dev.crossnet.api.video.Video;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoCommandTest {

  @Test
  void theTopLevelHelpListsTheVideoCommand() {
    CliRun run = CliRun.of("--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("video");
  }

  @Test
  void keyframesAreReadAsFrameAndBoxPairs() {
    assertThat(new KeyframeConverter().convert("0:1,2,3,4; 15:5,6,7,8"))
        .isEqualTo(Map.of(0, new Box(1, 2, 3, 4), 15, new Box(5, 6, 7, 8)));
  }

  @Test
  void aMalformedKeyframeIsAUsageErrorShowingTheForm() {
    CliRun run = CliRun.of("video", "--keyframes", "0:1,2,3");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--keyframes", "x,y,width,height");
    assertThat(CliRun.of("video", "--keyframes", "a:1,2,3,4").err()).contains("--keyframes",
        "whole number");
  }

  @Test
  void aBedrockWithoutRegionOrSubjectIsAUsageError() {
    CliRun run = CliRun.of("video", "--bedrock", "dance.mp4", "--region", "1,2,3,4");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--bedrock needs", "--subject");
  }

  @Test
  void aRegionWithoutABedrockIsAUsageError() {
    CliRun run = CliRun.of("video", "--region", "1,2,3,4");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("give it with --bedrock");
  }

  @Test
  void videoOptionsAreCheckedBeforeAnyWork() {
    CliRun misspelt = CliRun.of("video", "--edit-options", "video.cross-frames=false");
    assertThat(misspelt.exitCode()).isEqualTo(2);
    assertThat(misspelt.err()).contains("video.cross-frame");
    CliRun badNoise = CliRun.of("video", "--edit-options", "video.noise=fresh");
    assertThat(badNoise.exitCode()).isEqualTo(2);
    assertThat(badNoise.err()).contains("shared", "independent");
    CliRun badAnchor = CliRun.of("video", "--edit-options", "video.anchor=last");
    assertThat(badAnchor.exitCode()).isEqualTo(2);
    assertThat(badAnchor.err()).contains("video.anchor", "first", "previous", "off");
    CliRun branch = CliRun.of("video", "--edit-options", "branch.motion.nonsense=1");
    assertThat(branch.exitCode()).isEqualTo(2);
    assertThat(branch.err()).contains("branch.motion.nonsense");
  }

  @Test
  void aMissingClipFailsNamingTheFile(@TempDir Path dir) throws Exception {
    Path subject = dir.resolve("s.png");
    Picture.filled(8, 8, 0xFF0000).write(subject);
    Path clip = dir.resolve("missing.gif");
    CliRun run = CliRun.of("video", "--bedrock", clip.toString(), "--region", "1,2,3,4", "--subject",
        subject.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("missing.gif");
  }

  @Test
  void tracksAndSubjectsMustPairInOrder() {
    CliRun run = CliRun.of("video", "--bedrock", "dance.mp4", "--region", "1,2,3,4", "--subject", "a.png",
        "--keyframes", "0:1,2,3,4;5:2,2,3,4", "--masks", "masks");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("3 region(s)", "1 --subject option(s)", "one --subject per region");
  }

  @Test
  void severalSubjectsNeedOneDistinctWordEach() {
    CliRun run = CliRun.of("video", "--bedrock", "dance.mp4", "--region", "1,2,3,4", "--subject", "a.png",
        "--region", "5,2,3,4", "--subject", "b.png", "--word", "<dog>");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("1 --word option(s) for 2 subject(s)");
  }

  @Test
  void masksForAnotherNumberOfFramesAreRefusedNamingBothCounts(@TempDir Path dir) throws Exception {
    Path clip = dir.resolve("clip");
    Video.of(List.of(Picture.filled(8, 8, 0x808080), Picture.filled(8, 8, 0x808080)), 8).write(clip);
    Path masks = dir.resolve("masks");
    Picture white = Picture.filled(8, 8, 0xFFFFFF);
    Video.of(List.of(white, white, white), 8).write(masks);
    Path subject = dir.resolve("s.png");
    Picture.filled(8, 8, 0xFF0000).write(subject);

    CliRun run = CliRun.of("video", "--bedrock", clip.toString(), "--masks", masks.toString(), "--subject",
        subject.toString(), "--out", dir.resolve("out.gif").toString());

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err()).contains("3 regions but the video has 2 frames");
    assertThat(dir.resolve("out.gif")).doesNotExist();
  }
}
