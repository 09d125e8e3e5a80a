package dev.crossnet.core.edit.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.api.branch.AttentionControl.AttentionInputs;
import dev.crossnet.api.branch.AttentionSite;
import dev.crossnet.core.engine.OfflineEngine;
import org.junit.jupiter.api.Test;

class CrossFrameAttentionTest {

  private static final AttentionSite SELF = new AttentionSite("mid.attn1", false, 2, 2, 2);
  private static final AttentionSite CROSS = new AttentionSite("mid.attn2", true, 2, 2, 2);

  /** Runs one frame's two calls of the self-attention layer and one cross call; returns the key counts seen. */
  private static long[] frame(CrossFrameAttention control, int index, NDManager m) {
    control.beginFrame(index);
    long[] keys = new long[2];
    for (int call = 0; call < 2; call++) {
      NDArray k = m.full(new Shape(2, 4, 6), (float) (index * 10 + call));
      AttentionInputs out = control.keysValues(SELF, new AttentionInputs(k, k.add(100)));
      keys[call] = out.keys().getShape().get(1);
      assertThat(out.values().getShape().get(1)).isEqualTo(keys[call]);
      // own keys come first, then the first frame's, then the previous frame's, each of the same call
      assertThat(out.keys().get(":, 0:4, :").getFloat(0, 0, 0)).isEqualTo(index * 10f + call);
      if (index > 0) {
        assertThat(out.keys().get(":, 4:8, :").getFloat(0, 0, 0)).isEqualTo(call);
        assertThat(out.values().get(":, 4:8, :").getFloat(0, 0, 0)).isEqualTo(100f + call);
      }
      if (index > 1 && keys[call] == 12) {
        assertThat(out.keys().get(":, 8:12, :").getFloat(0, 0, 0)).isEqualTo((index - 1) * 10f + call);
      }
    }
    NDArray text = m.ones(new Shape(2, 3, 6));
    AttentionInputs cross = control.keysValues(CROSS, new AttentionInputs(text, text));
    assertThat(cross.keys()).isSameAs(text);
    return keys;
  }

  @Test
  void laterFramesAttendToTheFirstAndThePreviousFrameOfTheSameCall() {
    try (NDManager m = OfflineEngine.get().newBaseManager();
        CrossFrameAttention control = new CrossFrameAttention(m.newSubManager(), true, true)) {
      assertThat(frame(control, 0, m)).containsExactly(4, 4);
      assertThat(frame(control, 1, m)).as("frame 1: its own and frame 0's (the previous frame is the first)")
          .containsExactly(8, 8);
      assertThat(frame(control, 2, m)).containsExactly(12, 12);
      long held = control.bytesHeld();
      for (int f = 3; f < 12; f++) {
        assertThat(frame(control, f, m)).containsExactly(12, 12);
      }
      assertThat(control.bytesHeld()).as("memory held does not grow with the clip").isEqualTo(held);
      assertThat(control.mismatches()).isZero();
    }
  }

  @Test
  void withoutThePreviousFrameOnlyTheFirstIsKept() {
    try (NDManager m = OfflineEngine.get().newBaseManager();
        CrossFrameAttention control = new CrossFrameAttention(m.newSubManager(), true, false)) {
      frame(control, 0, m);
      frame(control, 1, m);
      assertThat(frame(control, 2, m)).containsExactly(8, 8);
      assertThat(control.bytesHeld()).as("frame 0's two calls, keys and values").isEqualTo(2L * 2 * 2 * 4 * 6 * 4);
    }
  }

  @Test
  void withoutItsOwnKeysALaterFrameAttendsToTheEarlierFramesOnly() {
    try (NDManager m = OfflineEngine.get().newBaseManager();
        CrossFrameAttention control = new CrossFrameAttention(m.newSubManager(), true, true, false)) {
      control.beginFrame(0);
      NDArray k0 = m.full(new Shape(2, 4, 6), 1f);
      assertThat(control.keysValues(SELF, new AttentionInputs(k0, k0)).keys().getShape().get(1)).isEqualTo(4);
      control.beginFrame(1);
      NDArray k1 = m.full(new Shape(2, 4, 6), 2f);
      AttentionInputs out = control.keysValues(SELF, new AttentionInputs(k1, k1));
      assertThat(out.keys().getShape().get(1)).isEqualTo(4);
      assertThat(out.keys().getFloat(0, 0, 0)).as("frame 0's keys").isEqualTo(1f);
      control.beginFrame(2);
      NDArray k2 = m.full(new Shape(2, 4, 6), 3f);
      out = control.keysValues(SELF, new AttentionInputs(k2, k2));
      assertThat(out.keys().getShape().get(1)).isEqualTo(8);
      assertThat(out.keys().getFloat(0, 4, 0)).as("frame 1's keys").isEqualTo(2f);
    }
  }

  @Test
  void aCallTheFirstFrameDidNotMakeAttendsToItsOwnFrameOnly() {
    try (NDManager m = OfflineEngine.get().newBaseManager();
        CrossFrameAttention control = new CrossFrameAttention(m.newSubManager(), true, false)) {
      frame(control, 0, m);
      control.beginFrame(1);
      NDArray other = m.zeros(new Shape(1, 4, 6));
      assertThat(control.keysValues(SELF, new AttentionInputs(other, other)).keys().getShape().get(1))
          .as("batch 1 against a recorded batch of 2").isEqualTo(4);
      assertThat(control.mismatches()).isEqualTo(1);
    }
  }

  @Test
  void framesRunInOrderAndOneSourceIsNeeded() {
    try (NDManager m = OfflineEngine.get().newBaseManager();
        CrossFrameAttention control = new CrossFrameAttention(m.newSubManager(), true, true)) {
      control.beginFrame(0);
      assertThatThrownBy(() -> control.beginFrame(2)).hasMessageContaining("frames run in order");
    }
    try (NDManager m = OfflineEngine.get().newBaseManager()) {
      assertThatThrownBy(() -> new CrossFrameAttention(m, false, false))
          .hasMessageContaining("the first frame, the previous frame or both");
    }
  }
}
