package dev.crossnet.core.defaultmodel;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Mask;
import dev.crossnet.core.figureworld.Caption;
import dev.crossnet.core.figureworld.Colour;
import dev.crossnet.core.figureworld.Figure;
import dev.crossnet.core.figureworld.FigureKind;
import dev.crossnet.core.figureworld.FigureTruth;
import dev.crossnet.core.figureworld.IdealEdit;
import dev.crossnet.core.figureworld.Scene;
import dev.crossnet.core.figureworld.SceneGenerator;
import dev.crossnet.core.figureworld.SceneOptions;
import dev.crossnet.core.figureworld.Size;
import dev.crossnet.core.image.SubjectCrop;
import dev.crossnet.core.model.clip.ClipImageProcessor;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * What the image adapter trains on, made once: FigureWorld scenes, and for each a figure of the scene and a
 * picture of that figure's look (its kind, colour, hat and size) drawn by another scene in another pose and
 * place, cropped as an edit crops a subject ({@link SubjectCrop}). The adapter learns to draw the figure's look
 * from the picture, inside the figure's region, while the caption names the figure only by a neutral word (see
 * {@link #captions(int)}): the same shape an edit with {@code branch.appearance.source=adapter} has.
 */
public final class AdapterExamples {

  /** The word that stands for the subject in training captions; its row is the neutral row an edit gives it. */
  public static final String SUBJECT_WORD = "<subject>";
  /** The fewest visible pixels a figure must show to be trained on. */
  private static final int MIN_VISIBLE = 40;

  private final int size;
  private final String[] poses;
  private final String[] looks;
  private final float[][] crops;
  private final float[][] regions;
  private final BitSet[] editRegions;
  private final int[] sceneIndex;
  private final float[][] labels;

  private AdapterExamples(int size, String[] poses, String[] looks, float[][] crops, float[][] regions,
      BitSet[] editRegions, int[] sceneIndex, float[][] labels) {
    this.labels = labels;
    this.editRegions = editRegions;
    this.size = size;
    this.poses = poses;
    this.looks = looks;
    this.crops = crops;
    this.regions = regions;
    this.sceneIndex = sceneIndex;
  }

  /**
   * Makes the examples of the scenes {@code firstSeed .. firstSeed + count - 1} (in parallel; the result does not
   * depend on the thread count). A scene whose figures all show too little is skipped.
   *
   * @param lookSeed the first seed of the scenes that draw the looks
   */
  public static AdapterExamples make(SceneOptions options, int count, long firstSeed, long lookSeed,
      ClipImageProcessor processor) {
    SceneGenerator generator = new SceneGenerator(options);
    Object[][] made = new Object[count][];
    IntStream.range(0, count).parallel().forEach(i -> made[i] = one(generator, firstSeed + i,
        lookSeed + 1000L * i, processor));
    List<Integer> kept = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      if (made[i] != null) {
        kept.add(i);
      }
    }
    int n = kept.size();
    String[] poses = new String[n];
    String[] looks = new String[n];
    float[][] crops = new float[n][];
    float[][] regions = new float[n][];
    BitSet[] editRegions = new BitSet[n];
    int[] scenes = new int[n];
    float[][] labels = new float[n][];
    for (int k = 0; k < n; k++) {
      Object[] e = made[kept.get(k)];
      poses[k] = (String) e[0];
      looks[k] = (String) e[1];
      crops[k] = (float[]) e[2];
      regions[k] = (float[]) e[3];
      labels[k] = (float[]) e[4];
      editRegions[k] = (BitSet) e[5];
      scenes[k] = kept.get(k);
    }
    return new AdapterExamples(options.width(), poses, looks, crops, regions, editRegions, scenes, labels);
  }

  private static Object[] one(SceneGenerator generator, long seed, long lookSeed, ClipImageProcessor processor) {
    Scene scene = generator.generate(seed);
    SplittableRandom r = new SplittableRandom(seed * 31 + 7);
    List<Integer> usable = new ArrayList<>();
    for (int j = 0; j < scene.figures().size(); j++) {
      if (scene.figures().get(j).visiblePixels() > MIN_VISIBLE) {
        usable.add(j);
      }
    }
    if (usable.isEmpty()) {
      return null;
    }
    FigureTruth target = scene.figures().get(usable.get(r.nextInt(usable.size())));
    Figure f = target.figure();
    for (long s = lookSeed; s < lookSeed + 1000; s++) {
      Scene look = generator.generate(s).idealEdit(0, f.kind(), f.appearance()).edited();
      FigureTruth shown = look.figures().get(0);
      if (shown.visiblePixels() > MIN_VISIBLE) {
        Picture crop = SubjectCrop.of(look.picture(), Optional.of(shown.mask()));
        float[] label = {f.kind().ordinal(), f.appearance().colour().ordinal(), f.appearance().hat() ? 1 : 0,
            f.appearance().size().ordinal()};
        return new Object[] {f.pose().word(), Caption.look(f), processor.pixels(crop), weights(target.mask()),
            label, bits(IdealEdit.around(target.mask()))};
      }
    }
    return null;
  }

  private static float[] weights(Mask mask) {
    float[] w = mask.weights();
    float[] out = new float[w.length];
    for (int i = 0; i < w.length; i++) {
      out[i] = w[i] >= 0.5f ? 1 : 0;
    }
    return out;
  }

  private static BitSet bits(Mask mask) {
    float[] w = mask.weights();
    BitSet out = new BitSet(w.length);
    for (int i = 0; i < w.length; i++) {
      if (w[i] >= 0.5f) {
        out.set(i);
      }
    }
    return out;
  }

  public int count() {
    return poses.length;
  }

  /**
   * The region an edit replacing example {@code i}'s figure would get (its silhouette dilated as
   * {@link IdealEdit#around} dilates it), as a hard mask: what an inpainting UNet is shown blanked.
   */
  public Mask editRegion(int i) {
    return InpaintingExamples.hardMask(editRegions[i], size);
  }

  /** Index of example {@code i}'s scene among the scenes asked for (skipped scenes leave gaps). */
  public int scene(int i) {
    return sceneIndex[i];
  }

  /**
   * The captions example {@code i} may be trained with, in the order of {@link CaptionForm}: the subject's word
   * and the figure's pose ("a &lt;subject&gt; sitting"), the word alone ("a &lt;subject&gt;"), the figure described
   * in words ("a small red cat sitting"), and the empty caption.
   */
  public List<String> captions(int i) {
    return List.of("a " + SUBJECT_WORD + " " + poses[i], "a " + SUBJECT_WORD, "a " + looks[i] + " " + poses[i], "");
  }

  /**
   * The look of example {@code i}'s figure in caption words, without article or pose: e.g. "small red cat with a
   * hat", the phrase image words are fitted to ({@link ImageWordsFitting}).
   */
  public String look(int i) {
    return looks[i];
  }

  /** The encoder's input for example {@code i}: the look's crop, processed, flat [3 x side x side]. */
  public float[] crop(int i) {
    return crops[i];
  }

  /** The figure's mask in the scene, 1 inside and 0 outside, [size x size] row by row. */
  public float[] region(int i) {
    return regions[i];
  }

  /** The class count of each of {@link #labels}' heads: kind, colour, hat (no, yes) and size. */
  public static int[] classes() {
    return new int[] {FigureKind.values().length, Colour.values().length, 2, Size.values().length};
  }

  /** The look's labels of these examples as [B, 4] class indices: kind, colour, hat, size. */
  public NDArray labels(int[] indices, NDManager manager) {
    float[] out = new float[indices.length * 4];
    for (int b = 0; b < indices.length; b++) {
      System.arraycopy(labels[indices[b]], 0, out, b * 4, 4);
    }
    return manager.create(out, new ai.djl.ndarray.types.Shape(indices.length, 4));
  }

  /** Side of the scenes. */
  public int size() {
    return size;
  }

  /** The crops of these examples as [B, 3, side, side]. */
  public NDArray crops(int[] indices, int side, NDManager manager) {
    int per = 3 * side * side;
    float[] out = new float[indices.length * per];
    for (int b = 0; b < indices.length; b++) {
      System.arraycopy(crops[indices[b]], 0, out, b * per, per);
    }
    return manager.create(out, new ai.djl.ndarray.types.Shape(indices.length, 3, side, side));
  }

  /** The forms of caption an example is trained with (see {@link #captions(int)}). */
  public enum CaptionForm { WORD_AND_POSE, WORD, DESCRIBED, EMPTY }
}
