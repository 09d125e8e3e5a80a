package dev.crossnet.core.edit.video;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossnet.api.plugin.PluginConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VideoOptionsTest {

  @Test
  void framesGetTheVideoIlvrSpanWhereTheOptionsLeaveItOutOrAtAuto() {
    Map<String, Object> left = VideoOptions.frameOptions(PluginConfig.of("video.anchor", "first", "steps", 4)).asMap();
    assertThat(left).containsEntry(VideoOptions.MOTION_ILVR_UNTIL, VideoOptions.FRAME_ILVR_UNTIL)
        .containsEntry("steps", 4).doesNotContainKey("video.anchor");
    assertThat(VideoOptions.frameOptions(PluginConfig.of(VideoOptions.MOTION_ILVR_UNTIL, "auto")).asMap())
        .containsEntry(VideoOptions.MOTION_ILVR_UNTIL, VideoOptions.FRAME_ILVR_UNTIL);
  }

  @Test
  void withTheAnchorOffEveryFrameIsEditedAsAPicture() {
    assertThat(VideoOptions.frameOptions(PluginConfig.of("video.anchor", "off")).asMap())
        .doesNotContainKey(VideoOptions.MOTION_ILVR_UNTIL);
  }

  @Test
  void aSpanTheOptionsGiveIsKept() {
    assertThat(VideoOptions.frameOptions(PluginConfig.of(VideoOptions.MOTION_ILVR_UNTIL, 0.3)).asMap())
        .containsEntry(VideoOptions.MOTION_ILVR_UNTIL, 0.3);
    assertThat(VideoOptions.frameOptions(PluginConfig.of(VideoOptions.MOTION_ILVR_UNTIL, "0.2")).asMap())
        .containsEntry(VideoOptions.MOTION_ILVR_UNTIL, "0.2");
  }
}
