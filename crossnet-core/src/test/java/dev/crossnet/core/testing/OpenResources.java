package dev.crossnet.core.testing;

import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDManager;
import java.lang.reflect.Field;
import java.util.Map;

/**
 * Counts what a manager holds, arrays and child managers alike (DJL keeps the map protected), to prove that
 * loops and edits leave nothing open.
 */
public final class OpenResources {

  private OpenResources() {}

  public static int count(NDManager manager) {
    try {
      Field f = BaseNDManager.class.getDeclaredField("resources");
      f.setAccessible(true);
      return ((Map<?, ?>) f.get(manager)).size();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot read the manager's resources", e);
    }
  }
}
