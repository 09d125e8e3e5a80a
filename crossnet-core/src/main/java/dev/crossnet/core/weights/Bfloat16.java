package dev.crossnet.core.weights;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;

/** bfloat16 is the upper half of a float32, so widening is a 16-bit shift per element. */
final class Bfloat16 {

  private Bfloat16() {}

  /** Little-endian bfloat16 bytes into a new direct float32 buffer in native order. */
  static ByteBuffer widen(ByteBuffer bf16) {
    ByteBuffer out = ByteBuffer.allocateDirect(bf16.remaining() * 2).order(ByteOrder.nativeOrder());
    widen(bf16, out);
    return out;
  }

  /** Little-endian bfloat16 bytes into float32 bytes at the target's position (target's byte order). */
  static void widen(ByteBuffer bf16, ByteBuffer target) {
    ShortBuffer in = bf16.duplicate().order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
    FloatBuffer out = target.duplicate().order(target.order()).asFloatBuffer();
    while (in.hasRemaining()) {
      out.put(Float.intBitsToFloat((in.get() & 0xFFFF) << 16));
    }
  }
}
