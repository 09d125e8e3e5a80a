package dev.crossnet.core.judge;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import dev.crossnet.core.weights.SafetensorsFile;
import dev.crossnet.core.weights.SafetensorsWriter;
import dev.crossnet.core.weights.WeightsException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A judge on disk: {@value #CONFIG} (format, network version, heads and classes, training notes) next to
 * {@value #WEIGHTS} (the network's parameters). Both files are written atomically, weights first, so a folder
 * with a config always has the weights it describes.
 */
public final class JudgeFolder {

  /** The config file's name. */
  public static final String CONFIG = "judge.json";
  /** The weights file's name. */
  public static final String WEIGHTS = "judge.safetensors";
  /** The config's format tag, so that other JSON files are refused early. */
  public static final String FORMAT = "crossnet-judge";

  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  /** What {@value #CONFIG} holds. */
  record Config(String format, String network, List<JudgeHead> heads, Map<String, String> training) {}

  private JudgeFolder() {}

  /** Writes the judge into {@code folder} (created when missing), with free-form training notes. */
  public static void save(Judge judge, Path folder, Map<String, String> training) {
    try {
      Files.createDirectories(folder);
      SafetensorsWriter.write(folder.resolve(WEIGHTS), judge.network().parameters(),
          Map.of("format", FORMAT, "network", JudgeNetwork.VERSION));
      Config config = new Config(FORMAT, JudgeNetwork.VERSION, judge.heads(), new LinkedHashMap<>(training));
      Path temp = Files.createTempFile(folder, "." + CONFIG, ".tmp");
      try {
        Files.writeString(temp, GSON.toJson(config) + "\n", StandardCharsets.UTF_8);
        try {
          Files.move(temp, folder.resolve(CONFIG), StandardCopyOption.ATOMIC_MOVE,
              StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, folder.resolve(CONFIG), StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the judge folder " + folder + " (" + e.getMessage()
          + "); check that the path is a writable folder", e);
    }
  }

  /** Loads a judge folder; its arrays live in a child of {@code manager} that the judge closes. */
  public static Judge load(Path folder, NDManager manager) {
    if (!Files.isDirectory(folder)) {
      throw new JudgeFolderException(folder + " is not a judge folder (it does not exist or is a file); pass "
          + "the folder holding " + CONFIG + " and " + WEIGHTS + ", as written by Judge.save or TrainJudge");
    }
    Config config = readConfig(folder);
    Path weights = folder.resolve(WEIGHTS);
    if (!Files.isRegularFile(weights)) {
      throw new JudgeFolderException(folder + " has " + CONFIG + " but no " + WEIGHTS
          + "; the folder is incomplete: copy the weights next to the config or save the judge again");
    }
    int outputs = config.heads().stream().mapToInt(h -> h.classes().size()).sum();
    NDManager own = manager.newSubManager();
    try (SafetensorsFile file = SafetensorsFile.open(weights)) {
      Map<String, NDArray> parameters = new LinkedHashMap<>();
      for (String name : file.names()) {
        parameters.put(name, file.load(name, own));
      }
      return new Judge(config.heads(), JudgeNetwork.of(parameters, outputs), own);
    } catch (WeightsException | IllegalArgumentException e) {
      own.close();
      throw new JudgeFolderException(folder + ": the weights do not fit the config (" + e.getMessage()
          + "); the two files come from different judges or the weights are damaged", e);
    }
  }

  /**
   * Loads a judge folder from the class path, e.g. {@code /dev/crossnet/core/judge/figureworld}, resolved
   * against {@code anchor}'s class loader. The two files are copied to a temporary folder (a jar entry is no
   * file) that is deleted again once the judge is loaded.
   */
  public static Judge loadResource(String resourceFolder, Class<?> anchor, NDManager manager) {
    String base = resourceFolder.endsWith("/") ? resourceFolder : resourceFolder + "/";
    Path temp = null;
    try {
      temp = Files.createTempDirectory("crossnet-judge");
      for (String name : List.of(CONFIG, WEIGHTS)) {
        try (InputStream in = anchor.getResourceAsStream(base + name)) {
          if (in == null) {
            throw new JudgeFolderException("no judge resource " + base + name + " on the class path of "
                + anchor.getName() + "; add the jar that ships it, or load a folder with Judge.load(Path)");
          }
          Files.copy(in, temp.resolve(name));
        }
      }
      return load(temp, manager);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the judge resource " + base + " to a temporary folder ("
          + e.getMessage() + ")", e);
    } finally {
      deleteTree(temp);
    }
  }

  private static Config readConfig(Path folder) {
    Path file = folder.resolve(CONFIG);
    if (!Files.isRegularFile(file)) {
      throw new JudgeFolderException(folder + " has no " + CONFIG + "; it is not a judge folder (save one with "
          + "Judge.save or train one with TrainJudge)");
    }
    Config config;
    try {
      config = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), Config.class);
    } catch (IOException | JsonParseException e) {
      throw new JudgeFolderException(file + " cannot be read as a judge config (" + e.getMessage() + ")", e);
    }
    if (config == null || !FORMAT.equals(config.format())) {
      throw new JudgeFolderException(file + " is not a judge config: its format is "
          + (config == null ? "missing" : "'" + config.format() + "'") + ", expected '" + FORMAT + "'");
    }
    if (!JudgeNetwork.VERSION.equals(config.network())) {
      throw new JudgeFolderException(file + " describes network '" + config.network() + "' but this CrossNet "
          + "reads '" + JudgeNetwork.VERSION + "'; retrain the judge with this version's TrainJudge");
    }
    if (config.heads() == null || config.heads().isEmpty()) {
      throw new JudgeFolderException(file + " lists no heads; a judge needs at least one question to answer");
    }
    // Gson fills records without running their constructors' checks; rebuilding them runs the checks.
    List<JudgeHead> heads = config.heads().stream().map(h -> new JudgeHead(h.name(), h.classes())).toList();
    return new Config(config.format(), config.network(), heads,
        config.training() == null ? Map.of() : config.training());
  }

  private static void deleteTree(Path folder) {
    if (folder == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a leftover temporary copy only wastes space
    }
  }
}
