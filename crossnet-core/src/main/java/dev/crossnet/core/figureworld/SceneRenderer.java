package dev.crossnet.core.figureworld;

import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Mask;
import dev.crossnet.api.region.Region;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a layout into pixels and masks. Each figure is drawn without antialiasing into its own transparent
 * layer; a layer pixel is either the figure's or empty, so copying layers back to front gives the picture and
 * the same layers give exact silhouettes and visible masks.
 */
final class SceneRenderer {

  private SceneRenderer() {}

  static Scene render(SceneLayout layout, int width, int height) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("a scene needs a positive size, got " + width + "x" + height);
    }
    BufferedImage base = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = graphics(base);
    layout.background().paint(g, width, height, layout.horizon());
    for (SceneObject o : layout.objects()) {
      o.kind().draw(g, o.x() * width, o.y() * height, height);
    }
    g.dispose();
    int[] pixels = base.getRGB(0, 0, width, height, null, 0, width);
    int n = layout.figures().size();
    int[] owner = new int[width * height];
    java.util.Arrays.fill(owner, -1);
    boolean[][] silhouettes = new boolean[n][];
    List<Map<Joint, Point2D.Double>> keypoints = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      keypoints.add(null);
    }
    for (int i : layout.drawOrder()) {
      PlacedFigure f = layout.figures().get(i);
      BufferedImage layer = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
      Graphics2D lg = graphics(layer);
      keypoints.set(i, FigureRenderer.draw(lg, f.figure(), f.placement(), layout.phase(), width, height));
      lg.dispose();
      int[] lp = layer.getRGB(0, 0, width, height, null, 0, width);
      boolean[] s = new boolean[lp.length];
      for (int p = 0; p < lp.length; p++) {
        if ((lp[p] >>> 24) != 0) {
          s[p] = true;
          pixels[p] = lp[p];
          owner[p] = i;
        }
      }
      silhouettes[i] = s;
    }
    List<FigureTruth> truths = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean[] visible = new boolean[owner.length];
      for (int p = 0; p < owner.length; p++) {
        visible[p] = owner[p] == i;
      }
      Map<Joint, Region.Point> k = new EnumMap<>(Joint.class);
      keypoints.get(i).forEach((j, q) -> k.put(j, new Region.Point(q.x, q.y)));
      PlacedFigure f = layout.figures().get(i);
      truths.add(new FigureTruth(f.figure(), f.placement(), Mask.of(width, height, visible),
          Mask.of(width, height, silhouettes[i]), k));
    }
    return new Scene(layout, Picture.ofRgb(width, height, pixels), Caption.of(layout), truths);
  }

  private static Graphics2D graphics(BufferedImage image) {
    Graphics2D g = image.createGraphics();
    // Hard edges keep masks exact; pure strokes keep geometry the same at every resolution.
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    return g;
  }
}
