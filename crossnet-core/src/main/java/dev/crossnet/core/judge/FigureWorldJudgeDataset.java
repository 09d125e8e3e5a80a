package dev.crossnet.core.judge;

import dev.crossnet.core.figureworld.FigureTruth;
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
    if (!(wholePictureShare >= 0 && wholePictureShare <= 1)) {
      throw new IllegalArgumentException("the whole-picture share must lie in [0, 1], got " + wholePictureShare);
    }
    this.world = new SceneGenerator(options);
    this.seed = seed;
    this.wholePictureShare = wholePictureShare;
    this.degradation = java.util.Objects.requireNonNull(degradation, "degradation");
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
}
