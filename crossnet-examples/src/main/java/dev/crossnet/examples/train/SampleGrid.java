package dev.crossnet.examples.train;

import dev.crossnet.api.image.Picture;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** Lays rows of pictures out on a white sheet, each picture scaled up by a whole factor. */
final class SampleGrid {

  private static final int GAP = 4;

  private SampleGrid() {}

  static void write(List<List<Picture>> rows, int zoom, Path png) throws IOException {
    int cell = rows.get(0).get(0).width() * zoom;
    int columns = rows.stream().mapToInt(List::size).max().orElse(1);
    BufferedImage sheet = new BufferedImage(columns * (cell + GAP) + GAP, rows.size() * (cell + GAP) + GAP,
        BufferedImage.TYPE_INT_RGB);
    Graphics2D g = sheet.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < rows.get(r).size(); c++) {
        Image scaled = rows.get(r).get(c).toBufferedImage().getScaledInstance(cell, cell, Image.SCALE_FAST);
        g.drawImage(scaled, GAP + c * (cell + GAP), GAP + r * (cell + GAP), null);
      }
    }
    g.dispose();
    ImageIO.write(sheet, "png", png.toFile());
  }
}
