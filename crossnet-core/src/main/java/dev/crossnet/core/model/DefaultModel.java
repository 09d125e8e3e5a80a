package dev.crossnet.core.model;

import ai.djl.ndarray.NDManager;
import com.google.common.hash.HashCode;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CrossNet's embedded default model: a small text-to-image model of FigureWorld, trained by CrossNet's own
 * trainer and shipped inside crossnet-core as a diffusers folder. Class-path resources cannot be memory-mapped,
 * so the folder is copied once into a cache folder named after its content hash and loaded from there.
 *
 * <p>The cache lives in {@code crossnet.cache} (system property), else {@code $XDG_CACHE_HOME/crossnet}, else
 * {@code ~/.cache/crossnet}.
 */
public final class DefaultModel {

  /** The built-in 64x64 FigureWorld model, the default for edits and text to image. */
  public static final String STANDARD = "figureworld";
  /**
   * The built-in default model v2: 128x128 FigureWorld scenes where the figures are the main subject
   * (docs/default-model-v2.md). Text to image draws with it at 128x128; edits keep {@link #STANDARD} as their
   * default until their settings are chosen on this model.
   */
  public static final String MAIN_SUBJECT = "figureworld-v2";
  /** The resource folder of the default ({@link #STANDARD}) model. */
  public static final String RESOURCE = resource(STANDARD);
  /**
   * The built-in inpainting model for 128x128 FigureWorld scenes: {@link #MAIN_SUBJECT} with an inpainting UNet
   * (docs/inpainting.md). It ships its own UNet and shares every other file with {@link #MAIN_SUBJECT}.
   */
  public static final String MAIN_SUBJECT_INPAINTING = "figureworld-v2-inpainting";
  /** The names of the built-in models. */
  public static final List<String> NAMES = List.of(STANDARD, MAIN_SUBJECT, MAIN_SUBJECT_INPAINTING);
  /**
   * Lists the folder's files, as jars cannot be listed: one relative path a line, or {@code path from model} for a
   * file shared with another built-in model's folder (copied out from there).
   */
  public static final String INDEX = "files.txt";
  private static final String FROM = " from ";

  private static final Logger LOG = LoggerFactory.getLogger(DefaultModel.class);

  private DefaultModel() {}

  /** Whether the built-in model of this name draws 128x128 main-subject scenes ({@link #MAIN_SUBJECT} and kin). */
  public static boolean drawsMainSubjectScenes(String name) {
    return name.equals(MAIN_SUBJECT) || name.equals(MAIN_SUBJECT_INPAINTING);
  }

  /** Whether this build ships a default model. */
  public static boolean isBundled() {
    return isBundled(STANDARD);
  }

  /** Whether this build ships the built-in model of this name. */
  public static boolean isBundled(String name) {
    return NAMES.contains(name) && DefaultModel.class.getResource(resource(name) + INDEX) != null;
  }

  /** Loads the default model into the manager. */
  public static DiffusionModel load(NDManager manager) {
    return DiffusionModel.load(folder(), manager);
  }

  /** Loads the built-in model of this name ({@link #NAMES}) into the manager. */
  public static DiffusionModel load(String name, NDManager manager) {
    return DiffusionModel.load(folder(name), manager);
  }

  /** The default model as a folder on disk (copied out of the class path on first use). */
  public static Path folder() {
    return folder(STANDARD);
  }

  /** The built-in model of this name ({@link #NAMES}) as a folder on disk (copied out on first use). */
  public static Path folder(String name) {
    return folder(name, cacheRoot());
  }

  /** The default model as a folder under {@code root} (see {@link #folder(String, Path)}). */
  public static Path folder(Path root) {
    return folder(STANDARD, root);
  }

  /**
   * The default model as a folder under {@code root}, copied out of the class path on first use. An existing
   * copy is checked file by file against the SHA-256 of the shipped content, and a missing or damaged file
   * (a disk error, a truncated copy, an edit by hand) is copied again, so a damaged cache never loads.
   */
  public static synchronized Path folder(String name, Path root) {
    if (!NAMES.contains(name)) {
      throw new IllegalArgumentException("'" + name + "' is not a built-in model; the built-in models are "
          + String.join(", ", NAMES) + " (or name a diffusers model folder)");
    }
    String resource = resource(name);
    try {
      Map<String, byte[]> content = new LinkedHashMap<>();
      Hasher hasher = Hashing.sha256().newHasher();
      for (String line : files(resource)) {
        int from = line.indexOf(FROM);
        String f = from < 0 ? line : line.substring(0, from).trim();
        String owner = from < 0 ? resource : sharedResource(name, line.substring(from + FROM.length()).trim());
        byte[] bytes = read(owner, f);
        content.put(f, bytes);
        hasher.putString(f, StandardCharsets.UTF_8);
        hasher.putBytes(bytes);
      }
      String hash = hasher.hash().toString().substring(0, 16);
      Path target = root.resolve("default-model-" + hash);
      if (Files.isRegularFile(target.resolve(ModelIndex.FILE))) {
        repair(target, content);
        return target;
      }
      Files.createDirectories(target.getParent());
      Path temp = Files.createTempDirectory(target.getParent(), ".default-model-");
      for (String f : content.keySet()) {
        Path out = temp.resolve(f).normalize();
        if (!out.startsWith(temp)) {
          throw new IOException("the default model's file list names a path outside its folder: " + f);
        }
        Files.createDirectories(out.getParent());
        Files.write(out, content.get(f));
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
        // another process won the race: its copy has the same content
        deleteTree(temp);
      } catch (IOException e) {
        if (!Files.isRegularFile(target.resolve(ModelIndex.FILE))) {
          throw e;
        }
        deleteTree(temp);
      }
      LOG.info("default model copied to {}", target);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the default model: " + e.getMessage()
          + " (set -Dcrossnet.cache to a writable folder)", e);
    }
  }

  /** Copies again every file of the cached folder whose content hash differs from the shipped file's. */
  private static void repair(Path target, Map<String, byte[]> content) throws IOException {
    for (Map.Entry<String, byte[]> e : content.entrySet()) {
      Path file = target.resolve(e.getKey()).normalize();
      if (!file.startsWith(target)) {
        throw new IOException("the default model's file list names a path outside its folder: " + e.getKey());
      }
      String problem = damage(file, e.getValue());
      if (problem != null) {
        LOG.warn("the cached default model file {} {}; copying it again from crossnet-core", file, problem);
        byte[] bytes = e.getValue();
        AtomicFiles.write(file, out -> out.write(bytes));
      }
    }
  }

  /** What is wrong with the cached file, or null when its content hash is the shipped file's. */
  private static String damage(Path file, byte[] shipped) throws IOException {
    if (!Files.isRegularFile(file)) {
      return "is missing";
    }
    if (Files.size(file) != shipped.length) {
      return "has " + Files.size(file) + " bytes instead of " + shipped.length;
    }
    HashCode cached = Hashing.sha256().hashBytes(Files.readAllBytes(file));
    HashCode expected = Hashing.sha256().hashBytes(shipped);
    return cached.equals(expected) ? null : "has SHA-256 " + cached + " instead of " + expected;
  }

  private static String sharedResource(String name, String owner) {
    if (!NAMES.contains(owner) || owner.equals(name)) {
      throw new IllegalStateException("the built-in model " + name + " lists a file shared with '" + owner
          + "', which is not another built-in model; the jar is damaged: rebuild crossnet-core");
    }
    return resource(owner);
  }

  private static String resource(String name) {
    return "/dev/crossnet/core/defaultmodel/" + name + "/";
  }

  private static List<String> files(String resource) throws IOException {
    byte[] index;
    try (InputStream in = DefaultModel.class.getResourceAsStream(resource + INDEX)) {
      if (in == null) {
        throw new IllegalStateException("this build of crossnet-core ships no such model (no resource "
            + resource + INDEX + "); name a model folder instead: Editor...model(Path.of(\"my-model\"))");
      }
      index = in.readAllBytes();
    }
    List<String> files = new ArrayList<>();
    for (String line : new String(index, StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        files.add(line.trim());
      }
    }
    return files;
  }

  private static byte[] read(String resource, String file) throws IOException {
    try (InputStream in = DefaultModel.class.getResourceAsStream(resource + file)) {
      if (in == null) {
        throw new IOException("the default model lists " + file + " but the resource is missing: the jar is "
            + "incomplete; rebuild crossnet-core");
      }
      return in.readAllBytes();
    }
  }

  /**
   * CrossNet's cache folder: {@code crossnet.cache} (system property), else {@code $XDG_CACHE_HOME/crossnet}, else
   * {@code ~/.cache/crossnet}.
   */
  public static Path cacheRoot() {
    String property = System.getProperty("crossnet.cache");
    if (property != null) {
      return Path.of(property);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "crossnet");
    }
    return Path.of(System.getProperty("user.home"), ".cache", "crossnet");
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
