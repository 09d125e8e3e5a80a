package dev.crossnet.core.judge;

import dev.crossnet.core.figureworld.FigureTruth;
import dev.crossnet.core.figureworld.IdealEdit;
import dev.crossnet.core.figureworld.Scene;
import dev.crossnet.core.figureworld.SceneGenerator;
import dev.crossnet.core.figureworld.SceneOptions;
import dev.crossnet.core.figureworld.Split;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Training examples for the FigureWorld judge, by default drawn from {@link Split#TRAIN} scenes so that the
 * held-out combinations stay unseen (scene options with another split, or none, widen that). Per example it
 * picks one figure and focuses on its box, grown by a margin of 1 to 3 pixels (the jitter keeps the judge
 * indifferent to how tightly a caller draws the box); a share of the examples focus on the whole picture
 * instead, labelling the figure heads only when the scene has one figure. Count and relation are always
 * labelled.
 *
 * <p>A {@link RenderDegradation} blurs and noises a share of the pictures, for a judge that must read generated
 * pictures by what they show rather than by how crisp they are.
 *
 * <p>{@link #withEditQuestions} asks a share of the examples as the edit benchmark asks: one figure of the scene
 * re-rendered with another figure's kind and look in its own pose (the {@linkplain Scene#idealEditLike ideal
 * edit}), the focus being that edit's whole region (the old and the new figure's outlines, dilated), which often
 * holds part of a neighbour too. Such a figure may be a combination that the scenes' split holds out, so edit
 * questions are for a judge trained on either split, one that scores edits rather than one inside them.
 *
 * <p>Deterministic in (seed, step, size): a resumed training sees exactly the batches it would have seen.
 */
public final class FigureWorldJudgeDataset implements JudgeDataset {

  /** The default share of whole-picture examples. */
  public static final double WHOLE_PICTURE_SHARE = 0.2;
  private static final int MIN_MARGIN = 1;
  private static final int MAX_MARGIN = 3;

  private final SceneGenerator world;
  private final long seed;
  private final double wholePictureShare;
  private final RenderDegradation degradation;
  private final double editShare;

  /**
   * @param options scene options, including the split the scenes come from (null for either)
   * @param seed picks the scenes; two datasets with the same seed give the same batches
   * @param wholePictureShare share of examples whose focus is the whole picture, in [0, 1]
   */
  public FigureWorldJudgeDataset(SceneOptions options, long seed, double wholePictureShare) {
    this(options, seed, wholePictureShare, RenderDegradation.NONE);
  }

  /**
   * @param options scene options, including the split the scenes come from (null for either)
   * @param seed picks the scenes; two datasets with the same seed give the same batches
   * @param wholePictureShare share of examples whose focus is the whole picture, in [0, 1]
   * @param degradation what blurs and noises a share of the pictures
   */
  public FigureWorldJudgeDataset(SceneOptions options, long seed, double wholePictureShare,
      RenderDegradation degradation) {
    this(new SceneGenerator(options), seed, wholePictureShare, degradation, 0);
  }

  private FigureWorldJudgeDataset(SceneGenerator world, long seed, double wholePictureShare,
      RenderDegradation degradation, double editShare) {
    if (!(wholePictureShare >= 0 && wholePictureShare <= 1)) {
      throw new IllegalArgumentException("the whole-picture share must lie in [0, 1], got " + wholePictureShare);
    }
    if (!(editShare >= 0 && editShare <= 1)) {
      throw new IllegalArgumentException("the edit-question share must lie in [0, 1], got " + editShare);
    }
    if (editShare > 0 && world.options().split() != null) {
      throw new IllegalArgumentException("edit questions re-render figures in combinations that the "
          + world.options().split() + " split may hold out; train them on scenes of either split (no split)");
    }
    this.world = world;
    this.seed = seed;
    this.wholePictureShare = wholePictureShare;
    this.degradation = java.util.Objects.requireNonNull(degradation, "degradation");
    this.editShare = editShare;
  }

  /**
   * This dataset with {@code share} of its figure examples (those not read whole) asked as the edit benchmark
   * asks: see the class comment. The scenes must come from either split.
   *
   * @throws IllegalArgumentException when {@code share} lies outside [0, 1] or the scenes are of one split
   */
  public FigureWorldJudgeDataset withEditQuestions(double share) {
    return new FigureWorldJudgeDataset(world, seed, wholePictureShare, degradation, share);
  }

  /** 64x64 TRAIN scenes, a fifth of them read whole. */
  public static FigureWorldJudgeDataset defaults(long seed) {
    return new FigureWorldJudgeDataset(SceneOptions.defaults().withSplit(Split.TRAIN), seed,
        WHOLE_PICTURE_SHARE);
  }

  @Override
  public List<JudgeExample> batch(int step, int size) {
    if (step < 0 || size < 1) {
      throw new IllegalArgumentException("a batch needs step >= 0 and size >= 1, got step " + step + ", size "
          + size);
    }
    SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + step);
    List<JudgeExample> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      Scene scene = world.generate(random.nextLong());
      if (random.nextDouble() < wholePictureShare) {
        out.add(new JudgeExample(degradation.apply(scene.picture(), random),
            FocusMasks.whole(scene.width(), scene.height()), FigureWorldJudge.wholePictureLabels(scene)));
      } else if (editShare > 0 && scene.figures().size() > 1 && random.nextDouble() < editShare) {
        out.add(editQuestion(scene, random));
      } else {
        int figure = random.nextInt(scene.figures().size());
        int margin = random.nextInt(MIN_MARGIN, MAX_MARGIN + 1);
        FigureTruth truth = scene.figures().get(figure);
        out.add(new JudgeExample(degradation.apply(scene.picture(), random), FocusMasks.around(truth.mask(), margin),
            FigureWorldJudge.labels(scene, figure)));
      }
    }
    return out;
  }

  /**
   * One figure re-rendered with another's kind and look in its own pose, asked about the edit's whole region; the
   * same figure asked about as usual where that region would cover nothing or everything.
   */
  private JudgeExample editQuestion(Scene scene, SplittableRandom random) {
    int n = scene.figures().size();
    int figure = random.nextInt(n);
    int donor = (figure + 1 + random.nextInt(n - 1)) % n;
    IdealEdit edit = scene.idealEditLike(figure, donor);
    double coverage = edit.region().coverage();
    if (coverage == 0 || coverage == 1) {
      return new JudgeExample(degradation.apply(scene.picture(), random),
          FocusMasks.around(scene.figures().get(figure).mask(), MIN_MARGIN), FigureWorldJudge.labels(scene, figure));
    }
    Scene edited = edit.edited();
    return new JudgeExample(degradation.apply(edited.picture(), random), FocusMasks.around(edit.region(), 0),
        FigureWorldJudge.labels(edited, figure));
  }
}
