package dev.crossnet.core.weights;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;

/** bfloat16 is the upper half of a float32, so widening is a 16-bit shift per element. */
final class Bfloat16 {

  private Bfloat16() {}

  /** Little-endian bfloat16 bytes to a new direct little-endian float32 buffer. */
  static ByteBuffer toFloat32(ByteBuffer bf16) {
    ShortBuffer in = bf16.duplicate().order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
    ByteBuffer out = ByteBuffer.allocateDirect(in.remaining() * 4).order(ByteOrder.nativeOrder());
    FloatBuffer floats = out.asFloatBuffer();
    while (in.hasRemaining()) {
      floats.put(Float.intBitsToFloat((in.get() & 0xFFFF) << 16));
    }
    return out;
  }
}
