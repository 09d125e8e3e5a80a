package dev.crossnet.core.pipeline;

import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDManager;
import java.lang.reflect.Field;
import java.util.Map;

/** Counts the resources a manager holds (DJL keeps the map protected), to prove loops leave nothing open. */
final class OpenArrays {

  private OpenArrays() {}

  static int count(NDManager manager) {
    try {
      Field f = BaseNDManager.class.getDeclaredField("resources");
      f.setAccessible(true);
      return ((Map<?, ?>) f.get(manager)).size();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot read the manager's resources", e);
    }
  }
}
