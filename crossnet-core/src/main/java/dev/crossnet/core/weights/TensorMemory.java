package dev.crossnet.core.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writable views of a fresh tensor's own memory, so file bytes can be read straight into it (one copy,
 * like a plain read) instead of through a mapping and a second copy. DJL's PyTorch engine hands out such
 * views for dense CPU tensors; whether it does is checked once, and callers fall back when it does not.
 */
final class TensorMemory {

  private static volatile Boolean viewsWork;

  private TensorMemory() {}

  /** Tests use this to exercise the mapped fallback; null means "probe the engine again". */
  static void forceViews(Boolean works) {
    viewsWork = works;
  }

  /** The tensor's memory as a little-endian buffer, or null when the engine only gives copies. */
  static ByteBuffer writableView(NDArray tensor, long bytes) {
    if (!viewsWork(tensor.getManager())) {
      return null;
    }
    ByteBuffer view = tensor.toByteBuffer(true);
    if (!view.isDirect() || view.isReadOnly() || view.capacity() != bytes) {
      return null;
    }
    return view.order(ByteOrder.LITTLE_ENDIAN).clear();
  }

  /** Writes through a view of a one-element tensor and reads the tensor back: only a real view passes. */
  private static boolean viewsWork(NDManager manager) {
    Boolean known = viewsWork;
    if (known == null) {
      boolean works = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
      if (works) {
        try (NDArray probe = manager.create(new Shape(1), DataType.FLOAT32)) {
          ByteBuffer view = probe.toByteBuffer(true);
          works = view.isDirect() && !view.isReadOnly() && view.capacity() == 4;
          if (works) {
            view.order(ByteOrder.LITTLE_ENDIAN).putFloat(0, 1234.5f);
            works = probe.getFloat() == 1234.5f;
          }
        } catch (RuntimeException e) {
          works = false;
        }
      }
      viewsWork = works;
      known = works;
    }
    return known;
  }
}
