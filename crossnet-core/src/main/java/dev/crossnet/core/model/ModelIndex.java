package dev.crossnet.core.model;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A diffusers {@code model_index.json}: the pipeline class and, per component folder, the library and class
 * that made it ({@code "unet": ["diffusers", "UNet2DConditionModel"]}). Components set to null in the file
 * (e.g. {@code "safety_checker": [null, null]}) are absent.
 *
 * @param pipelineClass the {@code _class_name}, e.g. "StableDiffusionPipeline"
 * @param components component folder name to its [library, class]
 */
public record ModelIndex(String pipelineClass, Map<String, Component> components) {

  /** File name inside a model folder. */
  public static final String FILE = "model_index.json";

  /** The library and class of one component. */
  public record Component(String library, String className) {}

  public ModelIndex {
    components = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(components));
  }

  public Optional<Component> component(String folder) {
    return Optional.ofNullable(components.get(folder));
  }

  /** Reads {@code folder/model_index.json}, failing with the folder's name and what is wrong. */
  public static ModelIndex read(Path folder) throws IOException {
    Path file = folder.resolve(FILE);
    if (!Files.isDirectory(folder)) {
      throw new java.nio.file.NoSuchFileException(folder.toString(), null, "model folder " + folder.toAbsolutePath()
          + " does not exist; check the path given with .model(...) or --model");
    }
    if (!Files.isRegularFile(file)) {
      throw new IOException(folder + " is not a diffusers model folder: it has no " + FILE
          + " (expected model_index.json beside unet/, text_encoder/, tokenizer/, scheduler/ and vae/)");
    }
    JsonObject root;
    try {
      JsonElement parsed = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
      if (!parsed.isJsonObject()) {
        throw new IOException(file + " must hold a JSON object");
      }
      root = parsed.getAsJsonObject();
    } catch (JsonParseException e) {
      throw new IOException("cannot parse " + file + ": " + e.getMessage(), e);
    }
    String pipeline = root.has("_class_name") && root.get("_class_name").isJsonPrimitive()
        ? root.get("_class_name").getAsString() : "";
    Map<String, Component> components = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> e : root.entrySet()) {
      if (e.getKey().startsWith("_") || !e.getValue().isJsonArray()) {
        continue;
      }
      JsonArray pair = e.getValue().getAsJsonArray();
      if (pair.size() != 2) {
        throw new IOException(file + ": component '" + e.getKey() + "' must be [library, class], got " + pair);
      }
      if (pair.get(0).isJsonNull() || pair.get(1).isJsonNull()) {
        continue;
      }
      components.put(e.getKey(), new Component(pair.get(0).getAsString(), pair.get(1).getAsString()));
    }
    return new ModelIndex(pipeline, components);
  }

  /** Writes {@code folder/model_index.json} atomically. */
  public void write(Path folder, String writerVersion) throws IOException {
    JsonObject root = new JsonObject();
    root.addProperty("_class_name", pipelineClass);
    root.addProperty("_diffusers_version", writerVersion);
    for (Map.Entry<String, Component> e : components.entrySet()) {
      JsonArray pair = new JsonArray();
      pair.add(e.getValue().library());
      pair.add(e.getValue().className());
      root.add(e.getKey(), pair);
    }
    Gson gson = new GsonBuilder().setPrettyPrinting().create();
    AtomicFiles.writeString(folder.resolve(FILE), gson.toJson(root) + "\n");
  }
}
