package dev.crossnet.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints in a folder, written so that an interruption at any moment leaves the last complete one
 * intact: each checkpoint is written into a temporary folder that is renamed into place, then the
 * {@code latest} pointer file is replaced atomically. Older checkpoints beyond {@code keep} are removed.
 *
 * <pre>
 * run/ckpt-00001000/{parameters.safetensors, optimizer.safetensors, state.json}
 * run/latest            (holds "ckpt-00001000")
 * </pre>
 *
 * A run that keeps parameter averages also writes {@code averages.safetensors}.
 */
public final class CheckpointStore {

  private static final Logger LOG = LoggerFactory.getLogger(CheckpointStore.class);
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();
  private static final String LATEST = "latest";
  private static final String AVERAGES = "averages.safetensors";

  private final Path folder;
  private final int keep;

  public CheckpointStore(Path folder, int keep) {
    if (keep < 1) {
      throw new IllegalArgumentException("keep must be at least 1, got " + keep);
    }
    this.folder = folder;
    this.keep = keep;
  }

  public Path folder() {
    return folder;
  }

  /** Writes a checkpoint atomically and makes it the latest. */
  public Path save(Checkpoint checkpoint) {
    try {
      Files.createDirectories(folder);
      String name = String.format("ckpt-%08d", checkpoint.step());
      Path target = folder.resolve(name);
      Path tmp = Files.createTempDirectory(folder, "." + name + "-");
      writeTensors(tmp.resolve("parameters.safetensors"), checkpoint.parameters());
      writeTensors(tmp.resolve("optimizer.safetensors"), checkpoint.optimizer());
      if (!checkpoint.averages().isEmpty()) {
        writeTensors(tmp.resolve(AVERAGES), checkpoint.averages());
      }
      Map<String, Object> state = new LinkedHashMap<>();
      state.put("step", checkpoint.step());
      state.put("metadata", checkpoint.metadata());
      Files.writeString(tmp.resolve("state.json"), GSON.toJson(state), StandardCharsets.UTF_8);
      if (Files.exists(target)) {
        deleteTree(target);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      writeAtomically(folder.resolve(LATEST), name);
      prune();
      LOG.info("checkpoint {} written to {}", checkpoint.step(), target);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write checkpoint " + checkpoint.step() + " into " + folder, e);
    }
  }

  /** The latest complete checkpoint, loaded into the manager, or empty when there is none. */
  public Optional<Checkpoint> loadLatest(NDManager manager) {
    Path pointer = folder.resolve(LATEST);
    if (!Files.exists(pointer)) {
      return Optional.empty();
    }
    try {
      String name = Files.readString(pointer, StandardCharsets.UTF_8).trim();
      Path dir = folder.resolve(name);
      if (!Files.isDirectory(dir)) {
        throw new IllegalStateException(pointer + " names " + name + ", which does not exist; delete "
            + pointer + " to start afresh or restore the folder");
      }
      Map<String, Object> state = GSON.fromJson(Files.readString(dir.resolve("state.json")),
          new TypeToken<Map<String, Object>>() {}.getType());
      int step = ((Number) state.get("step")).intValue();
      @SuppressWarnings("unchecked")
      Map<String, String> metadata = (Map<String, String>) state.getOrDefault("metadata", Map.of());
      Map<String, NDArray> averages = Files.exists(dir.resolve(AVERAGES))
          ? readTensors(dir.resolve(AVERAGES), manager) : Map.of();
      return Optional.of(new Checkpoint(step, readTensors(dir.resolve("parameters.safetensors"), manager),
          readTensors(dir.resolve("optimizer.safetensors"), manager), averages, metadata));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the latest checkpoint in " + folder, e);
    }
  }

  private static void writeTensors(Path file, Map<String, NDArray> tensors) throws IOException {
    NDList list = new NDList();
    for (Map.Entry<String, NDArray> e : tensors.entrySet()) {
      // safetensors takes each tensor's name from the array: label the array with its key
      NDArray a = e.getValue();
      a.setName(e.getKey());
      list.add(a);
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      list.encode(out, NDList.Encoding.SAFETENSORS);
    }
  }

  private static Map<String, NDArray> readTensors(Path file, NDManager manager) throws IOException {
    Map<String, NDArray> out = new LinkedHashMap<>();
    try (InputStream in = Files.newInputStream(file)) {
      NDList list = NDList.decode(manager, in);
      for (NDArray a : list) {
        out.put(a.getName(), a);
      }
    }
    return out;
  }

  private static void writeAtomically(Path file, String content) throws IOException {
    Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private void prune() throws IOException {
    List<Path> all = new ArrayList<>();
    try (Stream<Path> s = Files.list(folder)) {
      s.filter(p -> p.getFileName().toString().startsWith("ckpt-")).sorted().forEach(all::add);
    }
    for (int i = 0; i < all.size() - keep; i++) {
      deleteTree(all.get(i));
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
