package dev.crossnet.core.figureworld;

import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Mask;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.LongStream;

/** Shared helpers for FigureWorld tests. */
final class Scenes {

  static final SceneGenerator WORLD = new SceneGenerator(SceneOptions.defaults());

  private Scenes() {}

  static List<Scene> many(SceneGenerator g, int count) {
    return LongStream.range(0, count).mapToObj(g::generate).toList();
  }

  static String sha256(Picture p) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      ByteBuffer b = ByteBuffer.allocate(p.width() * p.height() * 4);
      for (int v : p.rgbPixels()) {
        b.putInt(v);
      }
      return HexFormat.of().formatHex(md.digest(b.array()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean in(Mask m, int x, int y) {
    return m.weight(x, y) > 0;
  }

  static int pixels(Mask m) {
    int n = 0;
    for (float w : m.weights()) {
      if (w > 0) {
        n++;
      }
    }
    return n;
  }
}
