package dev.crossnet.core.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.pytorch.jni.JniUtils;
import dev.crossnet.core.engine.OfflineEngine;
import org.junit.jupiter.api.Test;

// GradMode resources switch a thread mode for the block; they are not used in it.
@SuppressWarnings("try")
class GradModeTest {

  @Test
  void disabledSwitchesRecordingOffAndRestoresThePreviousMode() {
    OfflineEngine.get();
    try (GradMode on = GradMode.enabled()) {
      try (GradMode off = GradMode.disabled()) {
        assertThat(JniUtils.isGradMode()).isFalse();
      }
      assertThat(JniUtils.isGradMode()).isTrue();
    }
  }
}
