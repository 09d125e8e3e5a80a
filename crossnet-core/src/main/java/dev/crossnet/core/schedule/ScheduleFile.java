package dev.crossnet.core.schedule;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.crossnet.core.model.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@link FeatureLossSchedule} as a JSON file, written atomically (a temporary file beside it, then a rename). A
 * file that does not parse, misses a field, holds a value out of range or was written for another key is refused
 * with a {@link CorruptScheduleException} naming the file and the problem.
 */
public final class ScheduleFile {

  /** The format this class writes and reads. */
  public static final String FORMAT = "crossnet.feature-loss-schedule/1";

  private ScheduleFile() {}

  /** A schedule file that cannot be used. */
  public static final class CorruptScheduleException extends RuntimeException {
    CorruptScheduleException(Path file, String problem, Throwable cause) {
      super("the feature-loss schedule file " + file + " cannot be used: " + problem + "; delete it to measure the "
          + "schedule again", cause);
    }
  }

  /** Writes the schedule to {@code file} atomically. */
  public static void write(Path file, FeatureLossSchedule s, String modelSource) throws IOException {
    JsonObject o = new JsonObject();
    o.addProperty("format", FORMAT);
    o.addProperty("key", s.key());
    o.addProperty("model", s.modelIdentity());
    o.addProperty("modelSource", modelSource);
    o.addProperty("seed", s.settings().seed());
    o.addProperty("pathSteps", s.settings().pathSteps());
    o.addProperty("pictures", s.pictureCount());
    o.addProperty("structureFloor", s.structureFloor());
    o.addProperty("lookFloor", s.lookFloor());
    o.addProperty("structureCeiling", s.structureCeiling());
    o.addProperty("lookCeiling", s.lookCeiling());
    o.addProperty("seconds", s.seconds());
    o.addProperty("strength", s.strength());
    o.addProperty("ilvrUntil", s.ilvrUntil());
    JsonArray points = new JsonArray();
    for (FeatureLossPoint p : s.points()) {
      JsonObject j = new JsonObject();
      j.addProperty("t", p.t());
      j.addProperty("timestep", p.timestep());
      j.addProperty("structure", p.structure());
      j.addProperty("look", p.look());
      points.add(j);
    }
    o.add("points", points);
    String text = new GsonBuilder().setPrettyPrinting().create().toJson(o) + "\n";
    AtomicFiles.writeString(file, text);
  }

  /**
   * Reads a schedule written for {@code expectedKey}.
   *
   * @throws NoSuchFileException when there is no file
   * @throws CorruptScheduleException when the file cannot be used
   */
  public static FeatureLossSchedule read(Path file, String expectedKey) throws IOException {
    return parse(file, Objects.requireNonNull(expectedKey, "expected key"));
  }

  /**
   * Reads a schedule shipped with a model ({@link ModelSchedule}), whatever key it was measured for.
   *
   * @throws NoSuchFileException when there is no file
   * @throws CorruptScheduleException when the file cannot be used
   */
  public static FeatureLossSchedule readShipped(Path file) throws IOException {
    return parse(file, null);
  }

  private static FeatureLossSchedule parse(Path file, String expectedKey) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    try {
      JsonObject o = JsonParser.parseString(text).getAsJsonObject();
      String format = string(o, "format");
      if (!FORMAT.equals(format)) {
        throw new IllegalArgumentException("its format is '" + format + "', not " + FORMAT);
      }
      String key = string(o, "key");
      if (expectedKey != null && !expectedKey.equals(key)) {
        throw new IllegalArgumentException("it was written for key " + key + ", not " + expectedKey);
      }
      List<Double> ts = new ArrayList<>();
      List<FeatureLossPoint> points = new ArrayList<>();
      for (JsonElement e : required(o, "points").getAsJsonArray()) {
        JsonObject p = e.getAsJsonObject();
        double t = number(p, "t");
        ts.add(t);
        points.add(new FeatureLossPoint(t, required(p, "timestep").getAsInt(), number(p, "structure"),
            number(p, "look")));
      }
      int pathSteps = o.has("pathSteps") ? required(o, "pathSteps").getAsInt() : 1;
      FeatureLossSettings settings = new FeatureLossSettings(ts, required(o, "seed").getAsLong(), pathSteps);
      return new FeatureLossSchedule(string(o, "model"), key, settings, required(o, "pictures").getAsInt(), points,
          number(o, "structureFloor"), number(o, "lookFloor"), number(o, "structureCeiling"), number(o, "lookCeiling"),
          number(o, "seconds"));
    } catch (RuntimeException e) {
      throw new CorruptScheduleException(file, String.valueOf(e.getMessage()), e);
    }
  }

  private static JsonElement required(JsonObject o, String name) {
    JsonElement e = o.get(name);
    if (e == null || e.isJsonNull()) {
      throw new IllegalArgumentException("it has no '" + name + "'");
    }
    return e;
  }

  private static String string(JsonObject o, String name) {
    return required(o, name).getAsString();
  }

  private static double number(JsonObject o, String name) {
    double v = required(o, name).getAsDouble();
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("'" + name + "' is " + v);
    }
    return v;
  }
}
