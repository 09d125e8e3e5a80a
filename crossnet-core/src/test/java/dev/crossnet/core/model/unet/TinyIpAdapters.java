package dev.crossnet.core.model.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.crossnet.core.nn.RandomParameters;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** Seeded random IP-Adapters for {@link TinyUnets}' models, in memory or written as a safetensors file. */
final class TinyIpAdapters {

  static final int EMBED_DIM = 12;
  static final int TOKENS = 4;

  private TinyIpAdapters() {}

  /** The adapter's tensors by their published names. */
  static Map<String, NDArray> weights(UNet2DConditionModel unet, NDManager m) {
    return new LinkedHashMap<>(
        RandomParameters.store(s -> IpAdapter.build(s, unet, EMBED_DIM, TOKENS), 5, m).arrays());
  }

  /** Writes the adapter's tensors, edited, to {@code file}. */
  static Path write(Path file, UNet2DConditionModel unet, NDManager m, Consumer<Map<String, NDArray>> edit)
      throws Exception {
    Map<String, NDArray> w = weights(unet, m);
    edit.accept(w);
    NDList list = new NDList();
    w.forEach((name, a) -> {
      a.setName(name);
      list.add(a);
    });
    try (OutputStream out = Files.newOutputStream(file)) {
      list.encode(out, NDList.Encoding.SAFETENSORS);
    }
    return file;
  }
}
