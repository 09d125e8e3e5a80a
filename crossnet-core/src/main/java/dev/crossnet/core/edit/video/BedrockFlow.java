package dev.crossnet.core.edit.video;

import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Mask;

/**
 * Where each pixel of a frame's region was in an earlier frame of the bedrock: backward motion found by block
 * matching the bedrock's own frames. For every pixel with a region weight above zero, the displacement (within
 * {@link #RADIUS} pixels of both no motion and the region's own shift) whose surrounding patch of the earlier frame
 * best matches the patch around the pixel, by the sum of absolute RGB differences; ties, as on flat colour, go to
 * no motion or the region's shift, whichever is nearer. An edited earlier frame moved along this field moves as the
 * occupant moved, which is how the subject should move.
 */
public final class BedrockFlow {

  /** How far (pixels) the search reaches around no motion and around the region's shift. */
  public static final int RADIUS = 6;

  /** The half width of the compared patches (pixels). */
  public static final int PATCH = 3;

  /** Cost per pixel of distance from the nearer of no motion and the region's shift: small, it only breaks ties. */
  private static final double TIE_BREAK = 0.5;

  private final int width;
  private final int height;
  private final int[] dx;
  private final int[] dy;

  private BedrockFlow(int width, int height, int[] dx, int[] dy) {
    this.width = width;
    this.height = height;
    this.dx = dx;
    this.dy = dy;
  }

  /**
   * The backward motion from {@code now} to {@code earlier} inside {@code region}; zero outside it.
   *
   * @param shiftX the region's own shift since the earlier frame (pixels, right), searched around as well as 0
   * @param shiftY likewise, down
   */
  public static BedrockFlow between(Picture earlier, Picture now, Mask region, int shiftX, int shiftY) {
    int w = now.width();
    int h = now.height();
    int[] a = earlier.rgbPixels();
    int[] b = now.rgbPixels();
    int[] fx = new int[w * h];
    int[] fy = new int[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (region.weight(x, y) <= 0f) {
          continue;
        }
        double best = Double.MAX_VALUE;
        int bx = 0;
        int by = 0;
        for (int cy = -RADIUS - Math.abs(shiftY); cy <= RADIUS + Math.abs(shiftY); cy++) {
          for (int cx = -RADIUS - Math.abs(shiftX); cx <= RADIUS + Math.abs(shiftX); cx++) {
            // displacement from now to earlier: the region moved by +shift, so its pixels came from -shift
            double near = Math.min(Math.hypot(cx, cy), Math.hypot(cx + shiftX, cy + shiftY));
            if (near > RADIUS) {
              continue;
            }
            double cost = TIE_BREAK * near + patchCost(a, b, w, h, x, y, cx, cy, best);
            if (cost < best) {
              best = cost;
              bx = cx;
              by = cy;
            }
          }
        }
        fx[y * w + x] = bx;
        fy[y * w + x] = by;
      }
    }
    return new BedrockFlow(w, h, fx, fy);
  }

  /** The sum of absolute RGB differences of the patches, stopping early once it passes {@code enough}. */
  private static double patchCost(int[] a, int[] b, int w, int h, int x, int y, int cx, int cy, double enough) {
    double sum = 0;
    for (int oy = -PATCH; oy <= PATCH; oy++) {
      int by = clamp(y + oy, h);
      int ay = clamp(y + oy + cy, h);
      for (int ox = -PATCH; ox <= PATCH; ox++) {
        int p = b[by * w + clamp(x + ox, w)];
        int q = a[ay * w + clamp(x + ox + cx, w)];
        sum += Math.abs(((p >> 16) & 0xFF) - ((q >> 16) & 0xFF)) + Math.abs(((p >> 8) & 0xFF) - ((q >> 8) & 0xFF))
            + Math.abs((p & 0xFF) - (q & 0xFF));
      }
      if (sum >= enough) {
        return sum;
      }
    }
    return sum;
  }

  private static int clamp(int v, int size) {
    return Math.min(size - 1, Math.max(0, v));
  }

  /** The x of the earlier frame's pixel that (x, y) came from, inside the picture. */
  public int sourceX(int x, int y) {
    return clamp(x + dx[y * width + x], width);
  }

  /** The y of the earlier frame's pixel that (x, y) came from, inside the picture. */
  public int sourceY(int x, int y) {
    return clamp(y + dy[y * width + x], height);
  }
}
