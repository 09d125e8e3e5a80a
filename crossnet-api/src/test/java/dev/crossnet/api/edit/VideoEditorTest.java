package dev.crossnet.api.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Region;
import dev.crossnet.api.runtime.EditRuntime;
import dev.crossnet.api.subject.Subject;
import dev.crossnet.api.video.RegionTrack;
import dev.crossnet.api.video.Video;
import java.util.List;
import org.junit.jupiter.api.Test;

class VideoEditorTest {

  private final Video clip = Video.of(List.of(Picture.filled(64, 48, 0x102030), Picture.filled(64, 48, 0x203040),
      Picture.filled(64, 48, 0x304050)), 12);
  private final Subject dog = Subject.of("<dog>", Picture.filled(8, 8, 0xFF0000));

  @Test
  void aVideoEditRequestHoldsEachFramesRegionAndTheSameSettings() {
    VideoEditRequest request = Editor.bedrock(clip).steps(20).prompt("a <dog> dancing")
        .replace(RegionTrack.perFrame(List.of(Region.box(1, 1, 5, 5), Region.box(2, 1, 5, 5), Region.box(3, 1, 5, 5))))
        .with(dog).sampler("test-sampler").seed(9).request();
    assertThat(request.seed()).isEqualTo(9);
    EditRequest second = request.frame(1, 9);
    assertThat(second.bedrock()).isEqualTo(clip.frame(1));
    assertThat(second.replacements().get(0).region()).isEqualTo(Region.box(2, 1, 5, 5));
    assertThat(second.settings().steps()).isEqualTo(20);
    assertThat(second.settings().prompt()).isEqualTo("a <dog> dancing");
  }

  @Test
  void aTrackThatDoesNotFitTheClipIsRefusedNamingTheFrame() {
    assertThatThrownBy(() -> Editor.bedrock(clip).replace(RegionTrack.perFrame(List.of(Region.box(1, 1, 5, 5)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 regions but the video has 3 frames");
    assertThatThrownBy(() -> Editor.bedrock(clip).replace(RegionTrack.perFrame(List.of(Region.box(1, 1, 5, 5),
        Region.box(1, 1, 5, 5), Region.box(60, 1, 10, 5)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("region of frame 2");
  }

  @Test
  void subjectsOfAVideoEditNeedTheirOwnWords() {
    ReadyVideoEdit one = Editor.bedrock(clip).replace(Region.box(1, 1, 5, 5)).with(dog);
    assertThatThrownBy(() -> one.replace(Region.box(20, 1, 5, 5)).with(Subject.of("<dog>", Picture.filled(4, 4, 0))))
        .hasMessageContaining("two subjects use the word '<dog>'");
    assertThat(one.replace(Region.box(20, 1, 5, 5)).with(Subject.of("<cat>", Picture.filled(4, 4, 0))).seed(1)
        .sampler("test-sampler").request().replacements()).hasSize(2);
  }

  @Test
  void stagesAreImmutableTemplates() {
    ReadyVideoEdit a = Editor.bedrock(clip).replace(Region.box(1, 1, 5, 5)).with(dog).seed(1);
    ReadyVideoEdit b = a.seed(2).option("video.noise", "independent");
    assertThat(a.settings().seed()).hasValue(1);
    assertThat(a.settings().options().has("video.noise")).isFalse();
    assertThat(b.settings().options().getString("video.noise", "")).isEqualTo("independent");
  }

  @Test
  void aRuntimeThatEditsPicturesOnlySaysSo() {
    EditRuntime picturesOnly = request -> {
      throw new AssertionError("not called");
    };
    assertThatThrownBy(() -> Editor.bedrock(clip).replace(Region.box(1, 1, 5, 5)).with(dog).seed(1)
        .sampler("test-sampler").run(picturesOnly))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("edits pictures only");
  }

  @Test
  void runWithoutARuntimeOnTheClassPathSaysWhichJarToAdd() {
    assertThatThrownBy(() -> Editor.bedrock(clip).replace(Region.box(1, 1, 5, 5)).with(dog).seed(1).run())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("crossnet-core");
  }
}
