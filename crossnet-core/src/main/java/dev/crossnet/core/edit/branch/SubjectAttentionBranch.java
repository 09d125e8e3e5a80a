package dev.crossnet.core.edit.branch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.api.branch.AttentionControl;
import dev.crossnet.api.branch.AttentionSite;
import dev.crossnet.api.branch.BranchContext;
import dev.crossnet.api.branch.BranchRun;
import dev.crossnet.api.plugin.OptionKeys;
import dev.crossnet.core.edit.EditContext;
import dev.crossnet.core.edit.RecordedRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each subject its own cross-attention branch: a subject word's tokens may be attended to only by queries
 * inside that subject's region (a large negative score bias everywhere else), so several subjects in one
 * prompt each shape their own region. Options ({@code branch.subject-attention.*}): {@code bias} (-10000), and
 * {@code emphasis} (2): the factor a subject token's attention weight is raised by inside its region, before the
 * softmax renormalises (prompt-to-prompt's reweighting; 1 leaves it as it is). On FigureWorld's edit benchmark
 * (180 scenes, the embedded default model) 2 against 1 raised look agreement from 38 % to 41 %, size from 81 % to
 * 87 % and pose from 72 % to 74 %; 4 lowered look (42 % against 50 % on 36 scenes). Not measured on other models.
 * The bias covers both halves of a guided batch; in the unconditional half those positions hold padding,
 * which the confinement barely touches.
 */
public final class SubjectAttentionBranch extends StatelessBranch {

  public static final String NAME = "subject-attention";

  public SubjectAttentionBranch() {
    super(NAME, 300, "confines each subject word's cross-attention to its own region", OptionKeys.of("bias", "emphasis"));
  }

  @Override
  public BranchRun start(BranchContext context) {
    EditContext c = EditContext.require(context, NAME);
    float bias = (float) c.options().getDouble("bias", -10_000);
    double emphasis = c.options().getDouble("emphasis", 2.0);
    if (!(emphasis > 0) || Double.isInfinite(emphasis)) {
      throw new IllegalArgumentException("branch.subject-attention.emphasis must be a positive number, got "
          + emphasis + " (1 leaves the subject's attention as it is; 2 doubles its weight inside its region)");
    }
    List<NDArray> masks = new ArrayList<>();
    for (int i = 0; i < c.request().replacements().size(); i++) {
      masks.add(c.regionMask(i));
    }
    Confinement control = new Confinement(masks, () -> c.layout().positions(), bias, (float) Math.log(emphasis));
    return new RecordedRun() {
      @Override
      public Optional<AttentionControl> attention() {
        return Optional.of(control);
      }

      @Override
      public Map<String, String> record() {
        return Map.of("bias", Float.toString(bias), "emphasis", Double.toString(emphasis));
      }
    };
  }

  /** The score bias itself: per layer resolution, a [1, 1, queries, keys] array of 0 and {@code bias}. */
  public static final class Confinement implements AttentionControl {

    private final List<NDArray> masks;
    private final java.util.function.Supplier<List<int[]>> positions;
    private final float bias;
    private final float boost;
    private final Map<String, boolean[][]> insideByResolution = new ConcurrentHashMap<>();

    /**
     * @param masks per subject, [1, 1, h, w] at the sample's resolution, 1 inside
     * @param positions per subject, its word's token positions in the prompt
     */
    public Confinement(List<NDArray> masks, java.util.function.Supplier<List<int[]>> positions, float bias) {
      this(masks, positions, bias, 0f);
    }

    /**
     * @param boost added to a subject token's score inside its region: the log of the factor its attention
     *     weight is raised by before the softmax renormalises (0 leaves it as it is)
     */
    public Confinement(List<NDArray> masks, java.util.function.Supplier<List<int[]>> positions, float bias,
        float boost) {
      this.masks = List.copyOf(masks);
      this.positions = positions;
      this.bias = bias;
      this.boost = boost;
    }

    @Override
    public NDArray scoreBias(AttentionSite site, long keys, NDManager manager) {
      if (!site.cross() || site.height() <= 0 || site.width() <= 0) {
        return null;
      }
      boolean[][] inside = insideByResolution.computeIfAbsent(site.height() + "x" + site.width(),
          k -> inside(site.height(), site.width()));
      int queries = site.height() * site.width();
      float[] values = new float[(int) (queries * keys)];
      List<int[]> pos = positions.get();
      for (int s = 0; s < pos.size(); s++) {
        for (int p : pos.get(s)) {
          if (p >= keys) {
            continue;
          }
          for (int q = 0; q < queries; q++) {
            values[(int) (q * keys + p)] = inside[s][q] ? boost : bias;
          }
        }
      }
      return manager.create(values, new Shape(1, 1, queries, keys));
    }

    /** Per subject, which cells of an h x w grid its region touches. */
    private boolean[][] inside(int h, int w) {
      boolean[][] out = new boolean[masks.size()][];
      for (int s = 0; s < masks.size(); s++) {
        NDArray m = masks.get(s);
        try (NDArray small = m.getNDArrayInternal().interpolation(new long[] {h, w}, 2, false)) {
          float[] v = small.toFloatArray();
          out[s] = new boolean[v.length];
          for (int i = 0; i < v.length; i++) {
            out[s][i] = v[i] > 0f;
          }
        }
      }
      return out;
    }
  }
}
