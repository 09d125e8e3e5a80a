package dev.crossnet.core.judge;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import dev.crossnet.api.sampler.NoiseSource;
import dev.crossnet.core.nn.Convolution;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The judge's network: four 3x3 convolutions with ReLU and 2x2 max-pooling over a 64x64 picture plus a focus
 * channel (1 inside the region being asked about), a hidden layer, and the logits of every head side by side.
 * Parameters are plain arrays by name, so the trainer and the safetensors store handle them like any model's.
 */
public final class JudgeNetwork {

  /** Names this architecture in saved judges; change it whenever the parameters' meaning changes. */
  public static final String VERSION = "conv4-v1";
  /** The side the network reads; other sizes are resized first. */
  public static final int SIZE = 64;
  /** Input channels: RGB in [-1, 1] and the focus mask. */
  public static final int CHANNELS = 4;

  private static final int[] WIDTHS = {32, 64, 96, 128};
  private static final int HIDDEN = 256;

  private final Map<String, NDArray> parameters;

  private JudgeNetwork(Map<String, NDArray> parameters) {
    this.parameters = parameters;
  }

  /** The shapes of every parameter for a judge with {@code outputs} logits in all. */
  public static Map<String, Shape> shapes(int outputs) {
    Map<String, Shape> shapes = new LinkedHashMap<>();
    int in = CHANNELS;
    for (int i = 0; i < WIDTHS.length; i++) {
      shapes.put("conv" + (i + 1) + ".weight", new Shape(WIDTHS[i], in, 3, 3));
      shapes.put("conv" + (i + 1) + ".bias", new Shape(WIDTHS[i]));
      in = WIDTHS[i];
    }
    int side = SIZE >> WIDTHS.length;
    shapes.put("hidden.weight", new Shape(HIDDEN, (long) in * side * side));
    shapes.put("hidden.bias", new Shape(HIDDEN));
    shapes.put("heads.weight", new Shape(outputs, HIDDEN));
    shapes.put("heads.bias", new Shape(outputs));
    return shapes;
  }

  /** A freshly initialised network (He-normal weights, zero biases), the same for the same seed. */
  public static JudgeNetwork initialise(int outputs, long seed, NDManager manager) {
    NoiseSource noise = NoiseSource.seeded(seed);
    Map<String, NDArray> parameters = new LinkedHashMap<>();
    for (Map.Entry<String, Shape> e : shapes(outputs).entrySet()) {
      Shape shape = e.getValue();
      NDArray value;
      if (e.getKey().endsWith(".bias")) {
        value = manager.zeros(shape);
      } else {
        long fanIn = shape.size() / shape.get(0);
        value = noise.next(manager, shape).muli((float) Math.sqrt(2.0 / fanIn));
      }
      value.setName(e.getKey());
      parameters.put(e.getKey(), value);
    }
    return new JudgeNetwork(parameters);
  }

  /** A network over existing parameters (checked against {@link #shapes(int)}). */
  public static JudgeNetwork of(Map<String, NDArray> parameters, int outputs) {
    Map<String, Shape> expected = shapes(outputs);
    if (!expected.keySet().equals(parameters.keySet())) {
      throw new IllegalArgumentException("judge parameters " + parameters.keySet() + " do not match the "
          + "network's " + expected.keySet());
    }
    for (Map.Entry<String, Shape> e : expected.entrySet()) {
      Shape actual = parameters.get(e.getKey()).getShape();
      if (!actual.equals(e.getValue())) {
        throw new IllegalArgumentException("judge parameter '" + e.getKey() + "' has shape " + actual
            + " but a judge with " + outputs + " outputs needs " + e.getValue());
      }
    }
    return new JudgeNetwork(new LinkedHashMap<>(parameters));
  }

  /** The parameters by name, in a fixed order (the live arrays, for training). */
  public Map<String, NDArray> parameters() {
    return parameters;
  }

  /** Logits [B, outputs] for inputs [B, 4, 64, 64]. */
  public NDArray forward(NDArray input) {
    Shape shape = input.getShape();
    if (shape.dimension() != 4 || shape.get(1) != CHANNELS || shape.get(2) != SIZE || shape.get(3) != SIZE) {
      throw new IllegalArgumentException("the judge reads [B, " + CHANNELS + ", " + SIZE + ", " + SIZE
          + "] (RGB and focus), got " + shape);
    }
    NDArray x = input;
    Shape kernel = new Shape(2, 2);
    for (int i = 1; i <= WIDTHS.length; i++) {
      x = Convolution.conv2d(x, parameters.get("conv" + i + ".weight"), parameters.get("conv" + i + ".bias"), 1, 1);
      x = Pool.maxPool2d(Activation.relu(x), kernel, kernel, new Shape(0, 0), false);
    }
    x = x.reshape(shape.get(0), -1);
    x = Activation.relu(Linear.linear(x, parameters.get("hidden.weight"), parameters.get("hidden.bias"))
        .singletonOrThrow());
    return Linear.linear(x, parameters.get("heads.weight"), parameters.get("heads.bias")).singletonOrThrow();
  }

  /** Splits logits [B, outputs] into one [B, classes] block per head. */
  static List<NDArray> split(NDArray logits, List<JudgeHead> heads) {
    long[] cuts = new long[heads.size() - 1];
    long at = 0;
    for (int i = 0; i < cuts.length; i++) {
      at += heads.get(i).classes().size();
      cuts[i] = at;
    }
    return logits.split(cuts, 1).stream().toList();
  }
}
