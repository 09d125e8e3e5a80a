package dev.crossnet.core.edit.branch;

import ai.djl.ndarray.NDArray;
import dev.crossnet.api.branch.StepView;
import dev.crossnet.core.edit.EditContext;
import dev.crossnet.core.image.RegionMasks;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Some regions started from more noise than the rest of an edit: the loop starts at an earlier index than the edit's
 * own, and until it reaches the edit's own start everything outside those regions is held on the bedrock's DDIM
 * inversion, level by level, so that only those regions see the extra steps. The motion branch uses it for regions
 * whose subject's skeleton is unlike the occupant's ({@link OccupantBody}).
 */
final class EarlierStart implements AutoCloseable {

  /** The inversion's latent at each level between the two starts, keyed by the plan's index. */
  private final Map<Integer, NDArray> held;
  /** 1 inside the regions that start earlier, in latent size. */
  private final NDArray redrawn;

  private EarlierStart(Map<Integer, NDArray> held, NDArray redrawn) {
    this.held = held;
    this.redrawn = redrawn;
  }

  /**
   * Takes the levels between {@code earlier} and the edit's own start out of the inversion's {@code path} (element k
   * at the level of plan index {@code plan size - k}, as {@code DdimInversion.path} gives it), which then no longer
   * owns them.
   *
   * @param regions the indices of the replacements whose regions start earlier
   */
  static EarlierStart of(EditContext c, List<Integer> regions, List<NDArray> path, int earlier) {
    Map<Integer, NDArray> held = new HashMap<>();
    Set<NDArray> taken = Collections.newSetFromMap(new IdentityHashMap<>());
    for (int index = earlier + 1; index <= c.startIndex(); index++) {
      NDArray level = path.get(c.plan().size() - index);
      held.put(index, level);
      taken.add(level);
    }
    path.removeIf(taken::contains);
    return new EarlierStart(held, RegionMasks.union(regions.stream().map(c::regionMask).toList(), c.manager()));
  }

  /** The sample after a step: outside the earlier regions, the inversion's latent at the step's next level. */
  NDArray apply(StepView step, NDArray latent) {
    NDArray level = held.get(step.nextIndex());
    // (x - h) * redrawn + h: the sample inside the earlier regions, the inversion outside them
    return level == null ? latent : latent.sub(level).mul(redrawn).add(level);
  }

  @Override
  public void close() {
    held.values().forEach(NDArray::close);
    redrawn.close();
  }
}
