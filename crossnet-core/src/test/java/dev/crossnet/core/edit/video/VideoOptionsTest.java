package dev.crossnet.core.edit.video;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossnet.api.plugin.PluginConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VideoOptionsTest {

  private static Map<String, Object> frames(PluginConfig options) {
    return VideoOptions.of(options).frameOptions(options).asMap();
  }

  @Test
  void framesGetTheVideoIlvrSpanWhereTheOptionsLeaveItOutOrAtAuto() {
    Map<String, Object> left = frames(PluginConfig.of("video.anchor", "first", "steps", 4));
    assertThat(left).containsEntry(VideoOptions.MOTION_ILVR_UNTIL, VideoOptions.FRAME_ILVR_UNTIL)
        .containsEntry("steps", 4).doesNotContainKey("video.anchor");
    assertThat(frames(PluginConfig.of(VideoOptions.MOTION_ILVR_UNTIL, "auto")))
        .containsEntry(VideoOptions.MOTION_ILVR_UNTIL, VideoOptions.FRAME_ILVR_UNTIL);
  }

  @Test
  void withTheAnchorOffEveryFrameIsEditedAsAPicture() {
    assertThat(frames(PluginConfig.of("video.anchor", "off")))
        .doesNotContainKey(VideoOptions.MOTION_ILVR_UNTIL);
  }

  @Test
  void aSpanTheOptionsGiveIsKept() {
    assertThat(frames(PluginConfig.of(VideoOptions.MOTION_ILVR_UNTIL, 0.3)))
        .containsEntry(VideoOptions.MOTION_ILVR_UNTIL, 0.3);
    assertThat(frames(PluginConfig.of(VideoOptions.MOTION_ILVR_UNTIL, "0.2")))
        .containsEntry(VideoOptions.MOTION_ILVR_UNTIL, "0.2");
  }
}
