package dev.crossnet.api.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossnet.api.region.Box;
import dev.crossnet.api.region.Region;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegionTrackTest {

  @Test
  void aBoxTrackHoldsTheSameBoxInEveryFrame() {
    RegionTrack track = RegionTrack.box(4, 5, 10, 20);
    assertThat(track.at(0)).isEqualTo(Region.box(4, 5, 10, 20));
    assertThat(track.at(99)).isEqualTo(Region.box(4, 5, 10, 20));
  }

  @Test
  void keyframesAreInterpolatedLinearlyAndHeldBeyondTheEnds() {
    RegionTrack track = RegionTrack.keyframes(Map.of(2, new Box(0, 10, 10, 20), 6, new Box(40, 10, 30, 20)));
    assertThat(track.at(0)).isEqualTo(Region.box(0, 10, 10, 20));
    assertThat(track.at(2)).isEqualTo(Region.box(0, 10, 10, 20));
    assertThat(track.at(3)).isEqualTo(Region.box(10, 10, 15, 20));
    assertThat(track.at(4)).isEqualTo(Region.box(20, 10, 20, 20));
    assertThat(track.at(6)).isEqualTo(Region.box(40, 10, 30, 20));
    assertThat(track.at(50)).isEqualTo(Region.box(40, 10, 30, 20));
  }

  @Test
  void aPerFrameTrackGivesEachFrameItsRegionAndRefusesFramesItHasNot() {
    RegionTrack track = RegionTrack.perFrame(List.of(Region.box(1, 1, 2, 2), Region.box(2, 2, 2, 2)));
    assertThat(track.at(1)).isEqualTo(Region.box(2, 2, 2, 2));
    assertThatThrownBy(() -> track.at(2)).hasMessageContaining("frames 0 to 1");
    assertThatThrownBy(() -> track.requireFits(3, 10, 10)).hasMessageContaining("give one region per frame");
  }

  @Test
  void everyFramesRegionMustFitTheFrame() {
    RegionTrack track = RegionTrack.keyframes(Map.of(0, new Box(0, 0, 4, 4), 4, new Box(20, 0, 4, 4)));
    track.requireFits(3, 20, 10);
    assertThatThrownBy(() -> track.requireFits(5, 20, 10)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("region of frame 4");
  }

  @Test
  void emptyOrMalformedTracksAreRefused() {
    assertThatThrownBy(() -> RegionTrack.perFrame(List.of())).hasMessageContaining("one region per frame");
    assertThatThrownBy(() -> RegionTrack.keyframes(Map.of())).hasMessageContaining("at least one keyframe");
    assertThatThrownBy(() -> RegionTrack.keyframes(Map.of(-1, new Box(0, 0, 1, 1))))
        .hasMessageContaining("keyframe index -1");
  }
}
