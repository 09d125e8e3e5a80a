package dev.crossnet.examples.train;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** Draws the first loss column of a {@link LossLog} CSV (raw and smoothed, log scale) as a PNG. */
final class LossPlot {

  private static final int W = 900;
  private static final int H = 500;
  private static final int MARGIN = 60;

  private LossPlot() {}

  static void draw(Path csv, Path png, String title) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    List<double[]> points = new ArrayList<>();
    for (String l : lines.subList(1, lines.size())) {
      String[] f = l.split(",");
      points.add(new double[] {Double.parseDouble(f[0]), Math.log10(Math.max(1e-8, Double.parseDouble(f[2])))});
    }
    if (points.isEmpty()) {
      return;
    }
    double minX = points.get(0)[0];
    double maxX = points.get(points.size() - 1)[0] + 1;
    double minY = points.stream().mapToDouble(p -> p[1]).min().orElse(0);
    double maxY = points.stream().mapToDouble(p -> p[1]).max().orElse(1);
    minY = Math.floor(minY * 2) / 2;
    maxY = Math.ceil(maxY * 2) / 2 + 1e-9;
    BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, W, H);
    g.setColor(Color.LIGHT_GRAY);
    for (double y = minY; y <= maxY; y += 0.5) {
      int py = py(y, minY, maxY);
      g.drawLine(MARGIN, py, W - 20, py);
      g.setColor(Color.DARK_GRAY);
      g.drawString(String.format(Locale.ROOT, "%.3g", Math.pow(10, y)), 5, py + 4);
      g.setColor(Color.LIGHT_GRAY);
    }
    g.setColor(Color.BLACK);
    g.drawRect(MARGIN, 20, W - 20 - MARGIN, H - 40 - 20);
    g.drawString(title + "  (log scale; grey raw, blue moving average), steps " + (long) minX + " to "
        + (long) (maxX - 1), MARGIN, 14);
    g.drawString("step " + (long) minX, MARGIN, H - 5);
    g.drawString("step " + (long) (maxX - 1), W - 110, H - 5);
    g.setColor(new Color(180, 180, 180));
    for (int i = 1; i < points.size(); i++) {
      g.drawLine(px(points.get(i - 1)[0], minX, maxX), py(points.get(i - 1)[1], minY, maxY),
          px(points.get(i)[0], minX, maxX), py(points.get(i)[1], minY, maxY));
    }
    g.setColor(new Color(20, 60, 200));
    g.setStroke(new BasicStroke(2f));
    int window = Math.max(1, points.size() / 50);
    double sum = 0;
    int prevX = -1;
    int prevY = -1;
    for (int i = 0; i < points.size(); i++) {
      sum += points.get(i)[1];
      if (i >= window) {
        sum -= points.get(i - window)[1];
      }
      if (i >= window - 1) {
        int x = px(points.get(i)[0], minX, maxX);
        int y = py(sum / window, minY, maxY);
        if (prevX >= 0) {
          g.drawLine(prevX, prevY, x, y);
        }
        prevX = x;
        prevY = y;
      }
    }
    g.dispose();
    ImageIO.write(img, "png", png.toFile());
  }

  private static int px(double x, double min, double max) {
    return MARGIN + (int) ((x - min) / (max - min) * (W - 20 - MARGIN));
  }

  private static int py(double y, double min, double max) {
    return H - 40 - (int) ((y - min) / (max - min) * (H - 60));
  }
}
