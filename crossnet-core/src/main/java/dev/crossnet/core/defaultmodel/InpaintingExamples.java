package dev.crossnet.core.defaultmodel;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.api.region.Mask;
import dev.crossnet.api.region.Region;
import dev.crossnet.core.image.RegionMasks;
import dev.crossnet.core.figureworld.Appearance;
import dev.crossnet.core.figureworld.Caption;
import dev.crossnet.core.figureworld.Figure;
import dev.crossnet.core.figureworld.FigureKind;
import dev.crossnet.core.figureworld.FigureTruth;
import dev.crossnet.core.figureworld.IdealEdit;
import dev.crossnet.core.figureworld.Scene;
import dev.crossnet.core.figureworld.SceneGenerator;
import dev.crossnet.core.figureworld.SceneOptions;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What an inpainting UNet of FigureWorld learns from: each figure of a set of scenes, with a region around it (its
 * silhouette dilated as an edit's region is, or its bounding box) and two captions (the figure alone, the whole
 * scene); a small share of examples has the whole picture as its region, so the UNet also draws whole pictures.
 * A share of the figure regions also covers the silhouette of a figure of another kind standing in the same place
 * (the region an edit replacing that other figure by this one gets), so that the region's outline does not tell
 * the UNet which kind to draw.
 * Scene {@code i} is the generator's scene for seed {@code firstSeed + i}, so the set is the same everywhere.
 */
public final class InpaintingExamples {

  /** The fewest visible pixels a figure must show to be trained on. */
  private static final int MIN_VISIBLE = 40;

  /** The fewest pixels of another figure a region must cover to count as overlapping it. */
  public static final int MIN_OVERLAP = 20;

  private final int size;
  private final int[][] rgb;
  private final String[] sceneCaptions;
  private final int[] sceneOf;
  private final BitSet[] regions;
  private final String[] phrases;

  private InpaintingExamples(int size, int[][] rgb, String[] sceneCaptions, int[] sceneOf, BitSet[] regions,
      String[] phrases) {
    this.size = size;
    this.rgb = rgb;
    this.sceneCaptions = sceneCaptions;
    this.sceneOf = sceneOf;
    this.regions = regions;
    this.phrases = phrases;
  }

  /**
   * Renders {@code scenes} scenes and makes one example of each figure that shows enough of itself, plus, with
   * probability {@code wholeShare} per scene, one whole-picture example.
   *
   * @param boxShare the share of figure examples whose region is the bounding box of the silhouette's region
   * @param seed draws the region kinds
   */
  public static InpaintingExamples make(SceneOptions options, int scenes, long firstSeed, double boxShare,
      double wholeShare, long seed) {
    return make(options, scenes, firstSeed, boxShare, wholeShare, 0, seed);
  }

  /**
   * As {@link #make(SceneOptions, int, long, double, double, long)}, with {@code unionShare} of the figure examples
   * taking as their region the union of the figure's silhouette and that of a figure of another kind (and the
   * appearance of one of the scene's figures) put in its place, dilated as an edit's region is
   * ({@link Scene#idealEdit(int, Figure)}); the box share then takes that union's bounding box.
   */
  public static InpaintingExamples make(SceneOptions options, int scenes, long firstSeed, double boxShare,
      double wholeShare, double unionShare, long seed) {
    return make(options, scenes, firstSeed, new Mix(boxShare, wholeShare, unionShare, 0), seed);
  }

  /**
   * How the regions of a set of examples are drawn.
   *
   * @param boxShare the share of figure examples whose region is the bounding box of the silhouette's region
   * @param wholeShare the probability per scene of a whole-picture example
   * @param unionShare the share of figure regions united with the silhouette of a figure of another kind in the
   *     figure's place
   * @param overlapCopies how many further examples (each with its own region drawn as above) a figure gets when its
   *     region covers at least {@value #MIN_OVERLAP} pixels of another figure, which the UNet must then redraw
   */
  public record Mix(double boxShare, double wholeShare, double unionShare, int overlapCopies) {

    public Mix {
      for (double share : new double[] {boxShare, wholeShare, unionShare}) {
        if (!(share >= 0 && share <= 1)) {
          throw new IllegalArgumentException("the box, whole-picture and union shares must lie in [0, 1]; got "
              + boxShare + ", " + wholeShare + ", " + unionShare);
        }
      }
      if (overlapCopies < 0) {
        throw new IllegalArgumentException("overlap copies must be 0 or more; got " + overlapCopies);
      }
    }
  }

  /** Renders {@code scenes} scenes and makes their examples with regions drawn as {@code mix} says. */
  public static InpaintingExamples make(SceneOptions options, int scenes, long firstSeed, Mix mix, long seed) {
    if (options.width() != options.height()) {
      throw new IllegalArgumentException("inpainting examples need square scenes; got " + options.width() + "x"
          + options.height());
    }
    int size = options.width();
    SceneGenerator generator = new SceneGenerator(options);
    Scene[] rendered = new Scene[scenes];
    java.util.stream.IntStream.range(0, scenes).parallel()
        .forEach(i -> rendered[i] = generator.generate(firstSeed + i));
    int[][] rgb = new int[scenes][];
    String[] captions = new String[scenes];
    List<Integer> sceneOf = new ArrayList<>();
    List<BitSet> regions = new ArrayList<>();
    List<String> phrases = new ArrayList<>();
    for (int i = 0; i < scenes; i++) {
      Scene s = rendered[i];
      rgb[i] = s.picture().rgbPixels();
      captions[i] = s.caption();
      SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
      List<FigureTruth> figures = s.figures();
      for (int k = 0; k < figures.size(); k++) {
        FigureTruth f = figures.get(k);
        if (f.visiblePixels() < MIN_VISIBLE) {
          continue;
        }
        BitSet region = drawRegion(s, k, mix, size, r);
        int copies = mix.overlapCopies() > 0 && overlapsAnother(s, k, region) ? mix.overlapCopies() : 0;
        for (int c = 0; c <= copies; c++) {
          sceneOf.add(i);
          regions.add(c == 0 ? region : drawRegion(s, k, mix, size, r));
          phrases.add(Caption.phrase(f.figure(), 1));
        }
      }
      if (r.nextDouble() < mix.wholeShare()) {
        BitSet all = new BitSet(size * size);
        all.set(0, size * size);
        sceneOf.add(i);
        regions.add(all);
        phrases.add(s.caption());
      }
    }
    return new InpaintingExamples(size, rgb, captions, sceneOf.stream().mapToInt(Integer::intValue).toArray(),
        regions.toArray(BitSet[]::new), phrases.toArray(String[]::new));
  }

  /** One region around figure {@code k}: its own or united with another kind's, dilated, then maybe its box. */
  private static BitSet drawRegion(Scene s, int k, Mix mix, int size, SplittableRandom r) {
    Mask around = mix.unionShare() > 0 && r.nextDouble() < mix.unionShare() ? withOtherKind(s, k, r)
        : IdealEdit.around(s.figures().get(k).mask());
    Mask region = r.nextDouble() < mix.boxShare() ? around.bounds().map(b -> b.toMask(size, size)).orElse(around)
        : around;
    return bits(region);
  }

  /** Whether the region covers at least {@link #MIN_OVERLAP} visible pixels of a figure other than {@code k}. */
  static boolean overlapsAnother(Scene s, int k, BitSet region) {
    for (int j = 0; j < s.figures().size(); j++) {
      if (j != k) {
        BitSet other = bits(s.figures().get(j).mask());
        other.and(region);
        if (other.cardinality() >= MIN_OVERLAP) {
          return true;
        }
      }
    }
    return false;
  }

  /** The region an edit replacing a figure of another kind, standing where figure {@code k} stands, would get. */
  private static Mask withOtherKind(Scene scene, int k, SplittableRandom r) {
    Figure own = scene.figures().get(k).figure();
    FigureKind[] kinds = FigureKind.values();
    FigureKind other = kinds[r.nextInt(kinds.length - 1)];
    if (other.ordinal() >= own.kind().ordinal()) {
      other = kinds[other.ordinal() + 1];
    }
    Appearance look = scene.figures().get(r.nextInt(scene.figures().size())).figure().appearance();
    return scene.idealEdit(k, own.swap(other, look)).region();
  }

  private static BitSet bits(Mask mask) {
    float[] w = mask.weights();
    BitSet b = new BitSet(w.length);
    for (int i = 0; i < w.length; i++) {
      if (w[i] > 0.5f) {
        b.set(i);
      }
    }
    return b;
  }

  public int count() {
    return sceneOf.length;
  }

  public int scenes() {
    return rgb.length;
  }

  /** Side of the square pictures. */
  public int size() {
    return size;
  }

  /** The scene of example {@code index}. */
  public int scene(int index) {
    return sceneOf[index];
  }

  /** The example's captions: the figure alone (the whole scene for a whole-picture example), the whole scene. */
  public List<String> captions(int index) {
    return List.of(phrases[index], sceneCaptions[sceneOf[index]]);
  }

  /** The example's region as a hard pixel mask. */
  public Mask region(int index) {
    return hardMask(regions[index], size);
  }

  /** A square hard mask of side {@code size} whose set pixels are {@code bits}' (row by row). */
  static Mask hardMask(BitSet bits, int size) {
    boolean[] in = new boolean[size * size];
    for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) {
      in[i] = true;
    }
    return Mask.of(size, size, in);
  }

  /** The example's region at the latent's resolution, as an edit maps regions ({@link RegionMasks#latent}). */
  public float[] latentRegion(int index, int latentSide, NDManager manager) {
    if (regions[index].cardinality() == size * size) {
      float[] all = new float[latentSide * latentSide];
      java.util.Arrays.fill(all, 1f);
      return all;
    }
    try (NDManager scope = manager.newSubManager()) {
      return RegionMasks.latent(Region.mask(region(index)), size, size, latentSide, latentSide, scope)
          .toFloatArray();
    }
  }

  /** The scenes' pictures as [B, 3, H, W] in [-1, 1]. */
  public NDArray scenePixels(int[] scenes, NDManager manager) {
    return pixels(scenes, null, manager);
  }

  /** The examples' pictures with their regions blanked (0, the middle of [-1, 1]), [B, 3, H, W]. */
  public NDArray blankedPixels(int[] examples, NDManager manager) {
    int[] scenes = new int[examples.length];
    BitSet[] blank = new BitSet[examples.length];
    for (int i = 0; i < examples.length; i++) {
      scenes[i] = sceneOf[examples[i]];
      blank[i] = regions[examples[i]];
    }
    return pixels(scenes, blank, manager);
  }

  private NDArray pixels(int[] scenes, BitSet[] blank, NDManager manager) {
    int plane = size * size;
    float[] out = new float[scenes.length * 3 * plane];
    for (int b = 0; b < scenes.length; b++) {
      int[] p = rgb[scenes[b]];
      int base = b * 3 * plane;
      for (int i = 0; i < plane; i++) {
        if (blank != null && blank[b].get(i)) {
          continue;
        }
        int c = p[i];
        out[base + i] = ((c >> 16) & 0xFF) / 127.5f - 1f;
        out[base + plane + i] = ((c >> 8) & 0xFF) / 127.5f - 1f;
        out[base + 2 * plane + i] = (c & 0xFF) / 127.5f - 1f;
      }
    }
    return manager.create(out, new Shape(scenes.length, 3, size, size));
  }
}
