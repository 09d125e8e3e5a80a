package dev.crossnet.core.schedule;

import dev.crossnet.core.model.AtomicFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Draws a feature-loss schedule as a PNG (Java2D, no other dependency): structure and look kept against t, each
 * from its floor (0) to its ceiling (1), with further series a caller adds (e.g. a judge's readings), and the
 * derived strength and look-return levels as vertical lines. Written atomically.
 */
public final class SchedulePlot {

  /** One curve: a name for the legend and y in [0, 1] at each x = t. */
  public record Series(String name, double[] t, double[] values) {
    public Series {
      if (t.length != values.length) {
        throw new IllegalArgumentException("series '" + name + "' has " + t.length + " t values but "
            + values.length + " values");
      }
      t = t.clone();
      values = values.clone();
    }
  }

  private static final int WIDTH = 760;
  private static final int HEIGHT = 440;
  private static final int LEFT = 60;
  private static final int RIGHT = 230;
  private static final int TOP = 40;
  private static final int BOTTOM = 50;
  private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
      new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b), new Color(0x17becf)};

  private SchedulePlot() {}

  /** The schedule's two kept signals as series, first structure then look. */
  public static List<Series> signals(FeatureLossSchedule s) {
    int n = s.points().size();
    double[] t = new double[n];
    double[] structure = new double[n];
    double[] look = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = s.points().get(i).t();
      structure[i] = s.structureKept(i);
      look[i] = s.lookKept(i);
    }
    return List.of(new Series("structure kept (self-similarity)", t, structure),
        new Series("look kept (colour histogram)", t, look));
  }

  /** Writes the schedule's signals, then {@code extra}, to {@code png}. */
  public static void write(Path png, String title, FeatureLossSchedule s, List<Series> extra) throws IOException {
    List<Series> all = new ArrayList<>(signals(s));
    all.addAll(extra);
    BufferedImage image = draw(title, all, s.strength(), s.lookReturns());
    AtomicFiles.write(png, out -> {
      if (!ImageIO.write(image, "png", out)) {
        throw new IOException("no PNG writer is available");
      }
    });
  }

  static BufferedImage draw(String title, List<Series> series, double strength, double lookReturns) {
    BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      int pw = WIDTH - LEFT - RIGHT;
      int ph = HEIGHT - TOP - BOTTOM;
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
      for (int i = 0; i <= 10; i++) {
        int x = LEFT + pw * i / 10;
        int y = TOP + ph - ph * i / 10;
        g.setColor(new Color(0xe8e8e8));
        g.drawLine(x, TOP, x, TOP + ph);
        g.drawLine(LEFT, y, LEFT + pw, y);
        g.setColor(Color.DARK_GRAY);
        String label = String.format(Locale.ROOT, "%.1f", i / 10.0);
        g.drawString(label, x - 8, TOP + ph + 15);
        g.drawString(label, LEFT - 28, y + 4);
      }
      g.setColor(Color.BLACK);
      g.drawRect(LEFT, TOP, pw, ph);
      g.drawString("noise level t (fraction of the training timesteps)", LEFT + pw / 2 - 140, HEIGHT - 12);
      Graphics2D vertical = (Graphics2D) g.create();
      vertical.rotate(-Math.PI / 2);
      vertical.drawString("kept: floor = 0, ceiling = 1", -(TOP + ph / 2 + 85), 16);
      vertical.dispose();
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
      g.drawString(title, LEFT, TOP - 15);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
      g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
      int sx = LEFT + (int) Math.round(pw * strength);
      g.setColor(Color.BLACK);
      g.drawLine(sx, TOP, sx, TOP + ph);
      g.drawString(String.format(Locale.ROOT, "strength %.2f", strength), sx + 3, TOP + 12);
      if (lookReturns > 0) {
        int lx = LEFT + (int) Math.round(pw * lookReturns);
        g.setColor(Color.GRAY);
        g.drawLine(lx, TOP, lx, TOP + ph);
        g.drawString(String.format(Locale.ROOT, "look returns %.2f", lookReturns), lx + 3, TOP + 26);
      }
      for (int k = 0; k < series.size(); k++) {
        Series s = series.get(k);
        Color c = COLOURS[k % COLOURS.length];
        g.setColor(c);
        g.setStroke(k < 2 ? new BasicStroke(2.5f) : new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
            BasicStroke.JOIN_MITER, 10f, new float[] {6f, 3f}, 0f));
        int[] xs = new int[s.t().length];
        int[] ys = new int[s.t().length];
        for (int i = 0; i < xs.length; i++) {
          xs[i] = LEFT + (int) Math.round(pw * s.t()[i]);
          ys[i] = TOP + ph - (int) Math.round(ph * Math.max(0, Math.min(1, s.values()[i])));
          g.fillOval(xs[i] - 2, ys[i] - 2, 5, 5);
        }
        g.drawPolyline(xs, ys, xs.length);
        int ly = TOP + 10 + 18 * k;
        g.drawLine(LEFT + pw + 12, ly, LEFT + pw + 32, ly);
        g.setColor(Color.BLACK);
        g.drawString(s.name(), LEFT + pw + 36, ly + 4);
      }
    } finally {
      g.dispose();
    }
    return img;
  }
}
