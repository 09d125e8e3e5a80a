package dev.crossnet.core.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A checkpoint split over several safetensors files, as Hugging Face writes large models: an index file
 * ({@code *.safetensors.index.json}) whose {@code weight_map} names the shard holding each tensor. Shards
 * are opened (header only) up front, so a missing or damaged shard fails at once.
 */
public final class ShardedSafetensors implements TensorStore {

  private final Path index;
  private final Map<String, SafetensorsFile> byTensor;
  private final List<SafetensorsFile> shards;

  private ShardedSafetensors(Path index, Map<String, SafetensorsFile> byTensor, List<SafetensorsFile> shards) {
    this.index = index;
    this.byTensor = byTensor;
    this.shards = shards;
  }

  /** Opens the shards named by an index file, which lie in the index file's folder. */
  public static ShardedSafetensors open(Path index) {
    Map<String, String> weightMap = readWeightMap(index);
    Path folder = index.toAbsolutePath().normalize().getParent();
    Map<String, SafetensorsFile> files = new LinkedHashMap<>();
    try {
      for (String shard : new TreeSet<>(weightMap.values())) {
        Path path = folder.resolve(shard).normalize();
        if (!path.startsWith(folder) || !Files.isRegularFile(path)) {
          throw new WeightsException(index + " names shard '" + shard + "', but " + path
              + " is not a file in that folder; download every shard listed in the index");
        }
        files.put(shard, SafetensorsFile.open(path));
      }
      Map<String, SafetensorsFile> byTensor = new TreeMap<>();
      for (Map.Entry<String, String> e : weightMap.entrySet()) {
        SafetensorsFile file = files.get(e.getValue());
        if (!file.names().contains(e.getKey())) {
          throw new WeightsException(index + " puts tensor '" + e.getKey() + "' in " + file.source()
              + ", which has no such tensor; the index and its shards do not belong together");
        }
        byTensor.put(e.getKey(), file);
      }
      return new ShardedSafetensors(index, Collections.unmodifiableMap(byTensor), new ArrayList<>(files.values()));
    } catch (RuntimeException e) {
      files.values().forEach(SafetensorsFile::close);
      throw e;
    }
  }

  private static Map<String, String> readWeightMap(Path index) {
    JsonElement root;
    try (Reader in = Files.newBufferedReader(index, StandardCharsets.UTF_8)) {
      root = JsonParser.parseReader(in);
    } catch (IOException | JsonParseException e) {
      throw new WeightsException(index + ": cannot read the shard index (" + e.getMessage() + ")", e);
    }
    if (!root.isJsonObject() || !root.getAsJsonObject().has("weight_map")
        || !root.getAsJsonObject().get("weight_map").isJsonObject()) {
      throw new WeightsException(index + ": a shard index needs a \"weight_map\" object of tensor name -> file");
    }
    JsonObject map = root.getAsJsonObject().getAsJsonObject("weight_map");
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> e : map.entrySet()) {
      if (!e.getValue().isJsonPrimitive() || !e.getValue().getAsJsonPrimitive().isString()) {
        throw new WeightsException(index + ": weight_map entry '" + e.getKey() + "' must be a file name");
      }
      out.put(e.getKey(), e.getValue().getAsString());
    }
    return out;
  }

  /** The index file. */
  @Override
  public Path source() {
    return index;
  }

  @Override
  public Path sourceOf(String name) {
    SafetensorsFile file = byTensor.get(name);
    return file == null ? index : file.source();
  }

  @Override
  public Set<String> names() {
    return byTensor.keySet();
  }

  @Override
  public TensorInfo info(String name) {
    return shard(name).info(name);
  }

  @Override
  public NDArray load(String name, NDManager manager) {
    return shard(name).load(name, manager);
  }

  private SafetensorsFile shard(String name) {
    SafetensorsFile file = byTensor.get(name);
    if (file == null) {
      throw new WeightsException(index + ": no tensor named '" + name + "' in the weight_map");
    }
    return file;
  }

  @Override
  public void close() {
    shards.forEach(SafetensorsFile::close);
  }
}
