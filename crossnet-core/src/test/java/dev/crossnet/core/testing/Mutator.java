package dev.crossnet.core.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Damages valid inputs the way files get damaged, for fuzz tests: byte flips, interesting values, cuts, inserted and
 * repeated runs, overwritten little-endian lengths; and, for JSON, keys set to values of the wrong type or an
 * absurd size. Seeded: the same seed gives the same inputs, so a failing case can be replayed.
 */
public final class Mutator {

  private static final long[] INTERESTING_LONGS = {0, 1, -1, 7, 8, 255, 256, 65535, Integer.MAX_VALUE,
      Integer.MIN_VALUE, 1L << 32, Long.MAX_VALUE, Long.MIN_VALUE, 100L * 1024 * 1024, 100L * 1024 * 1024 + 1};
  private static final byte[] INTERESTING_BYTES = {0, 1, -1, 0x7f, (byte) 0x80, '"', '{', '}', '[', ']', ',', ':'};

  private final Random random;

  public Mutator(long seed) {
    this.random = new Random(seed);
  }

  /** One to four damages applied to a copy of {@code seed}. */
  public byte[] bytes(byte[] seed) {
    byte[] data = seed.clone();
    int damages = 1 + random.nextInt(4);
    for (int i = 0; i < damages; i++) {
      data = damage(data);
    }
    return data;
  }

  private byte[] damage(byte[] data) {
    if (data.length == 0) {
      return new byte[] {INTERESTING_BYTES[random.nextInt(INTERESTING_BYTES.length)]};
    }
    int at = random.nextInt(data.length);
    switch (random.nextInt(7)) {
      case 0 -> data[at] ^= (byte) (1 << random.nextInt(8));
      case 1 -> data[at] = INTERESTING_BYTES[random.nextInt(INTERESTING_BYTES.length)];
      case 2 -> data = Arrays.copyOf(data, at);
      case 3 -> {
        int length = Math.min(data.length - at, 1 + random.nextInt(16));
        byte[] cut = new byte[data.length - length];
        System.arraycopy(data, 0, cut, 0, at);
        System.arraycopy(data, at + length, cut, at, data.length - at - length);
        data = cut;
      }
      case 4 -> {
        int length = Math.min(data.length - at, 1 + random.nextInt(64));
        byte[] longer = new byte[data.length + length];
        System.arraycopy(data, 0, longer, 0, at + length);
        System.arraycopy(data, at, longer, at + length, data.length - at);
        data = longer;
      }
      case 5 -> {
        if (data.length >= 8) {
          int where = random.nextBoolean() ? 0 : random.nextInt(data.length - 7);
          ByteBuffer.wrap(data, where, 8).order(ByteOrder.LITTLE_ENDIAN)
              .putLong(INTERESTING_LONGS[random.nextInt(INTERESTING_LONGS.length)]);
        }
      }
      default -> {
        for (int i = at; i < Math.min(data.length, at + 1 + random.nextInt(32)); i++) {
          data[i] = (byte) random.nextInt(256);
        }
      }
    }
    return data;
  }

  /** {@code json} (an object) with one to three keys, at any depth, set to a value of another kind or size. */
  public String json(String json) {
    JsonObject root = JsonParser.parseString(json).getAsJsonObject();
    int damages = 1 + random.nextInt(3);
    for (int i = 0; i < damages; i++) {
      List<JsonObject> objects = new ArrayList<>();
      collect(root, objects);
      JsonObject target = objects.get(random.nextInt(objects.size()));
      List<String> keys = new ArrayList<>(target.keySet());
      if (keys.isEmpty() || random.nextInt(8) == 0) {
        target.add("unexpected_" + random.nextInt(100), value());
      } else {
        String key = keys.get(random.nextInt(keys.size()));
        if (random.nextInt(6) == 0) {
          target.remove(key);
        } else {
          target.add(key, like(target.get(key)));
        }
      }
    }
    return root.toString();
  }

  private void collect(JsonElement element, List<JsonObject> objects) {
    if (element.isJsonObject()) {
      objects.add(element.getAsJsonObject());
      element.getAsJsonObject().entrySet().forEach(e -> collect(e.getValue(), objects));
    } else if (element.isJsonArray()) {
      element.getAsJsonArray().forEach(e -> collect(e, objects));
    }
  }

  /** A value shaped like {@code old} half the time (an array of other length or entries), else any value. */
  private JsonElement like(JsonElement old) {
    if (old.isJsonArray() && random.nextBoolean()) {
      JsonArray array = new JsonArray();
      int length = random.nextInt(6);
      for (int i = 0; i < length; i++) {
        array.add(old.getAsJsonArray().isEmpty() || random.nextInt(4) == 0 ? value()
            : like(old.getAsJsonArray().get(random.nextInt(old.getAsJsonArray().size()))));
      }
      return array;
    }
    if (old.isJsonPrimitive() && old.getAsJsonPrimitive().isNumber() && random.nextBoolean()) {
      return new JsonPrimitive(INTERESTING_LONGS[random.nextInt(INTERESTING_LONGS.length)]);
    }
    return value();
  }

  private JsonElement value() {
    return switch (random.nextInt(10)) {
      case 0 -> JsonNull.INSTANCE;
      case 1 -> new JsonPrimitive(random.nextBoolean());
      case 2 -> new JsonPrimitive("x" + random.nextInt(10));
      case 3 -> new JsonPrimitive(random.nextGaussian() * 1e6);
      case 4 -> new JsonPrimitive(-random.nextInt(5));
      case 5 -> new JsonPrimitive(1e300);
      case 6 -> new JsonArray();
      case 7 -> new JsonObject();
      case 8 -> new JsonPrimitive(random.nextInt(70000));
      default -> new JsonPrimitive(INTERESTING_LONGS[random.nextInt(INTERESTING_LONGS.length)]);
    };
  }
}
