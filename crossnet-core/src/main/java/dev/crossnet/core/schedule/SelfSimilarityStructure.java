package dev.crossnet.core.schedule;

import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Box;
import dev.crossnet.api.region.Mask;

/**
 * Structure (layout, shape, pose) as a self-similarity map: the region's bounding box, widened by a margin so the
 * object's outline lies inside it, is cut into a grid of {@value #GRID}x{@value #GRID} cells; each cell's mean colour
 * is compared with every other cell's (Euclidean distance). Agreement is the Pearson correlation of the two
 * pictures' distance maps: 1 when the same cells are alike and unlike (the same shape, whatever its colours), near 0
 * for unrelated content. Recolouring an object keeps its map, which is why it reads pose and not look; a box whose
 * cells are all alike (a flat picture) has no structure and agrees 0 with anything.
 */
public final class SelfSimilarityStructure implements RegionSignal {

  /** Cells per side of the grid. */
  public static final int GRID = 8;
  /** The box is widened by this share of its width and height on each side. */
  static final double MARGIN = 0.125;

  @Override
  public double agreement(Picture source, Picture other, Mask region) {
    Box box = widened(region, source.width(), source.height());
    double[] a = distances(cells(source, box));
    double[] b = distances(cells(other, box));
    return pearson(a, b);
  }

  static Box widened(Mask region, int width, int height) {
    Box b = region.bounds().orElseThrow(() -> new IllegalArgumentException("the region mask is empty"));
    int mx = (int) Math.round(b.width() * MARGIN);
    int my = (int) Math.round(b.height() * MARGIN);
    int x0 = Math.max(0, b.x() - mx);
    int y0 = Math.max(0, b.y() - my);
    int x1 = Math.min(width, b.x() + b.width() + mx);
    int y1 = Math.min(height, b.y() + b.height() + my);
    return new Box(x0, y0, x1 - x0, y1 - y0);
  }

  /** Mean RGB (in [0, 1]) of each cell, row by row; a cell narrower than a pixel takes the pixel it falls on. */
  private static double[][] cells(Picture p, Box box) {
    int gx = Math.min(GRID, box.width());
    int gy = Math.min(GRID, box.height());
    double[][] out = new double[gx * gy][3];
    for (int cy = 0; cy < gy; cy++) {
      int ya = box.y() + cy * box.height() / gy;
      int yb = box.y() + (cy + 1) * box.height() / gy;
      for (int cx = 0; cx < gx; cx++) {
        int xa = box.x() + cx * box.width() / gx;
        int xb = box.x() + (cx + 1) * box.width() / gx;
        double[] sum = out[cy * gx + cx];
        int n = 0;
        for (int y = ya; y < Math.max(yb, ya + 1); y++) {
          for (int x = xa; x < Math.max(xb, xa + 1); x++) {
            int rgb = p.rgb(x, y);
            sum[0] += ((rgb >> 16) & 0xFF) / 255.0;
            sum[1] += ((rgb >> 8) & 0xFF) / 255.0;
            sum[2] += (rgb & 0xFF) / 255.0;
            n++;
          }
        }
        for (int c = 0; c < 3; c++) {
          sum[c] /= n;
        }
      }
    }
    return out;
  }

  private static double[] distances(double[][] cells) {
    int n = cells.length;
    double[] d = new double[n * (n - 1) / 2];
    int k = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double s = 0;
        for (int c = 0; c < 3; c++) {
          double diff = cells[i][c] - cells[j][c];
          s += diff * diff;
        }
        d[k++] = Math.sqrt(s);
      }
    }
    return d;
  }

  /** Pearson correlation; 0 when either side is constant (no structure to agree with). */
  static double pearson(double[] a, double[] b) {
    int n = a.length;
    if (n < 2) {
      return 0;
    }
    double ma = 0;
    double mb = 0;
    for (int i = 0; i < n; i++) {
      ma += a[i];
      mb += b[i];
    }
    ma /= n;
    mb /= n;
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < n; i++) {
      double da = a[i] - ma;
      double db = b[i] - mb;
      sab += da * db;
      saa += da * da;
      sbb += db * db;
    }
    if (saa < 1e-12 || sbb < 1e-12) {
      return 0;
    }
    return Math.max(-1, Math.min(1, sab / Math.sqrt(saa * sbb)));
  }
}
