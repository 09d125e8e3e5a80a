package dev.crossnet.core.schedule;

import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Box;
import java.util.ArrayList;
import java.util.List;

/** Small synthetic pictures: a coloured block on a shaded background, the block's box as the region. */
final class SchedulePictures {

  static final int SIZE = 32;

  private SchedulePictures() {}

  /** A block of colour {@code rgb} at (x, y), w x h, on a vertical grey ramp. */
  static Picture block(int x, int y, int w, int h, int rgb) {
    int[] pixels = new int[SIZE * SIZE];
    for (int py = 0; py < SIZE; py++) {
      for (int px = 0; px < SIZE; px++) {
        boolean inside = px >= x && px < x + w && py >= y && py < y + h;
        int grey = 60 + py * 4;
        pixels[py * SIZE + px] = inside ? rgb : (grey << 16) | (grey << 8) | grey;
      }
    }
    return Picture.ofRgb(SIZE, SIZE, pixels);
  }

  static MaskedPicture masked(int x, int y, int w, int h, int rgb) {
    return new MaskedPicture(block(x, y, w, h, rgb), new Box(x, y, w, h).toMask(SIZE, SIZE));
  }

  /** Four pictures with blocks of different places, shapes and colours. */
  static List<MaskedPicture> four() {
    List<MaskedPicture> out = new ArrayList<>();
    out.add(masked(4, 6, 10, 16, 0xD02020));
    out.add(masked(16, 4, 12, 8, 0x20A040));
    out.add(masked(8, 14, 18, 10, 0x2040D0));
    out.add(masked(18, 16, 8, 14, 0xE0C020));
    return out;
  }
}
