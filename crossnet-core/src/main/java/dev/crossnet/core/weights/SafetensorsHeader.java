package dev.crossnet.core.weights;

import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonParseException;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parsed and checked JSON header of a safetensors file: every tensor's type, shape and byte range in the
 * data section, and the optional {@code __metadata__} strings. Parsing streams the JSON (no recursion, no
 * object tree), so a hostile header fails with a {@link WeightsException} rather than a stack or heap error.
 */
record SafetensorsHeader(Map<String, Entry> entries, Map<String, String> metadata) {

  static final String METADATA_KEY = "__metadata__";

  /** One tensor: offsets are relative to the start of the data section, end exclusive. */
  record Entry(String name, SafetensorsDtype dtype, Shape shape, long begin, long end) {
    long length() {
      return end - begin;
    }
  }

  /** Parses the header text and checks every entry against a data section of {@code dataLength} bytes. */
  static SafetensorsHeader parse(Path file, String json, long dataLength) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    Map<String, String> metadata = Map.of();
    boolean metadataSeen = false;
    try (JsonReader in = new JsonReader(new StringReader(json))) {
      expect(file, in, JsonToken.BEGIN_OBJECT, "the header");
      in.beginObject();
      while (in.hasNext()) {
        String name = in.nextName();
        if (entries.containsKey(name) || (name.equals(METADATA_KEY) && metadataSeen)) {
          throw new WeightsException(file + ": tensor '" + name + "' appears twice in the header");
        }
        if (name.equals(METADATA_KEY)) {
          metadata = readMetadata(file, in);
          metadataSeen = true;
        } else {
          entries.put(name, readEntry(file, name, in));
        }
      }
      in.endObject();
      if (in.peek() != JsonToken.END_DOCUMENT) {
        throw new WeightsException(file + ": text follows the header's JSON object");
      }
    } catch (IOException | JsonParseException | IllegalStateException | NumberFormatException e) {
      throw new WeightsException(file + ": the header is not valid safetensors JSON (" + e.getMessage()
          + "); the file is damaged or not a safetensors file", e);
    }
    checkRanges(file, entries, dataLength);
    return new SafetensorsHeader(Collections.unmodifiableMap(entries), metadata);
  }

  private static Map<String, String> readMetadata(Path file, JsonReader in) throws IOException {
    expect(file, in, JsonToken.BEGIN_OBJECT, "'" + METADATA_KEY + "'");
    Map<String, String> metadata = new LinkedHashMap<>();
    in.beginObject();
    while (in.hasNext()) {
      String key = in.nextName();
      expect(file, in, JsonToken.STRING, "'" + METADATA_KEY + "' value '" + key + "'");
      metadata.put(key, in.nextString());
    }
    in.endObject();
    return Collections.unmodifiableMap(metadata);
  }

  private static Entry readEntry(Path file, String name, JsonReader in) throws IOException {
    String what = "tensor '" + name + "'";
    expect(file, in, JsonToken.BEGIN_OBJECT, what);
    String dtype = null;
    long[] shape = null;
    long[] offsets = null;
    in.beginObject();
    while (in.hasNext()) {
      String key = in.nextName();
      switch (key) {
        case "dtype" -> {
          expect(file, in, JsonToken.STRING, what + " dtype");
          dtype = in.nextString();
        }
        case "shape" -> shape = readLongs(file, in, what + " shape");
        case "data_offsets" -> offsets = readLongs(file, in, what + " data_offsets");
        default -> in.skipValue();
      }
    }
    in.endObject();
    if (dtype == null || shape == null || offsets == null) {
      throw new WeightsException(file + ": " + what + " needs \"dtype\", \"shape\" and \"data_offsets\"");
    }
    String type = dtype;
    SafetensorsDtype st = SafetensorsDtype.fromHeaderName(type).orElseThrow(() -> new WeightsException(
        file + ": " + what + " has dtype '" + type + "', which CrossNet cannot read (supported: "
            + SafetensorsDtype.supportedNames() + "); re-save it as F32 or F16"));
    if (offsets.length != 2) {
      throw new WeightsException(file + ": " + what + " data_offsets must be [begin, end], got "
          + offsets.length + " numbers");
    }
    long elements = 1;
    for (long d : shape) {
      if (d < 0) {
        throw new WeightsException(file + ": " + what + " has a negative dimension in shape "
            + Arrays.toString(shape));
      }
      try {
        elements = Math.multiplyExact(elements, d);
      } catch (ArithmeticException e) {
        throw new WeightsException(file + ": " + what + " shape " + Arrays.toString(shape)
            + " is too large", e);
      }
    }
    long begin = offsets[0];
    long end = offsets[1];
    if (begin < 0 || end < begin) {
      throw new WeightsException(file + ": " + what + " has data_offsets [" + begin + ", " + end
          + "]; begin must be >= 0 and end >= begin");
    }
    long bytes;
    try {
      bytes = Math.multiplyExact(elements, st.bytes());
    } catch (ArithmeticException e) {
      throw new WeightsException(file + ": " + what + " shape " + Arrays.toString(shape)
          + " is too large", e);
    }
    if (bytes != end - begin) {
      throw new WeightsException(file + ": " + what + " is " + st + " " + Arrays.toString(shape)
          + ", i.e. " + bytes + " bytes, but its data_offsets [" + begin + ", " + end + "] span "
          + (end - begin) + " bytes");
    }
    return new Entry(name, st, new Shape(shape), begin, end);
  }

  private static long[] readLongs(Path file, JsonReader in, String what) throws IOException {
    expect(file, in, JsonToken.BEGIN_ARRAY, what);
    List<Long> values = new ArrayList<>();
    in.beginArray();
    while (in.hasNext()) {
      expect(file, in, JsonToken.NUMBER, what + " element");
      values.add(in.nextLong());
      if (values.size() > 64) {
        throw new WeightsException(file + ": " + what + " has more than 64 numbers");
      }
    }
    in.endArray();
    return values.stream().mapToLong(Long::longValue).toArray();
  }

  private static void expect(Path file, JsonReader in, JsonToken token, String what) throws IOException {
    JsonToken actual = in.peek();
    if (actual != token) {
      throw new WeightsException(file + ": " + what + " must be " + describe(token) + " but is "
          + describe(actual));
    }
  }

  private static String describe(JsonToken token) {
    return switch (token) {
      case BEGIN_OBJECT -> "a JSON object";
      case BEGIN_ARRAY -> "a JSON array";
      case STRING -> "a string";
      case NUMBER -> "a number";
      default -> token.name().toLowerCase(Locale.ROOT);
    };
  }

  /** Every range must lie inside the data section and no two may overlap (empty tensors aside). */
  private static void checkRanges(Path file, Map<String, Entry> entries, long dataLength) {
    List<Entry> sorted = new ArrayList<>(entries.values());
    sorted.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
    Entry previous = null;
    for (Entry e : sorted) {
      if (e.end() > dataLength) {
        throw new WeightsException(file + ": tensor '" + e.name() + "' data_offsets [" + e.begin() + ", "
            + e.end() + "] run past the end of the data section (" + dataLength
            + " bytes); the file is truncated or damaged");
      }
      if (previous != null && e.length() > 0 && e.begin() < previous.end()) {
        throw new WeightsException(file + ": tensors '" + previous.name() + "' [" + previous.begin() + ", "
            + previous.end() + "] and '" + e.name() + "' [" + e.begin() + ", " + e.end()
            + "] overlap; the file is damaged");
      }
      if (e.length() > 0) {
        previous = e;
      }
    }
  }
}
