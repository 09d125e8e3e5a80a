package dev.crossnet.core.defaultmodel;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.crossnet.api.loss.LossInput;
import dev.crossnet.api.loss.LossProvider;
import dev.crossnet.api.loss.LossTerm;
import dev.crossnet.api.loss.OptimizerOptions;
import dev.crossnet.api.loss.ParameterGroup;
import dev.crossnet.api.plugin.PluginConfig;
import dev.crossnet.api.plugin.PluginRegistry;
import dev.crossnet.api.progress.Cancellation;
import dev.crossnet.api.progress.ProgressListener;
import dev.crossnet.core.model.clip.ClipVisionModel;
import dev.crossnet.core.train.CheckpointStore;
import dev.crossnet.core.train.Trainer;
import dev.crossnet.core.train.TrainingListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stage one of the default model's image adapter: the image encoder learns to embed a subject's crop so that a
 * linear head reads the look from it (kind, colour, hat and size: {@link AdapterExamples#classes()}), with the
 * "cross-entropy" loss plugin. The head is thrown away; stage two ({@link AdapterTraining}) trains the adapter on
 * the encoder's embeddings through the frozen denoiser.
 */
public final class ImageEncoderTraining {

  private ImageEncoderTraining() {}

  /**
   * Trains the encoder in place (resuming from the run's checkpoints when there are some).
   *
   * @return the last step's loss values
   */
  public static Map<String, Double> train(ClipVisionModel encoder, AdapterExamples examples, TrainingRun run,
      double learningRate, PluginRegistry<LossProvider> losses, NDManager manager, ProgressListener progress,
      TrainingListener listener, Cancellation cancellation) {
    int[] classes = AdapterExamples.classes();
    int width = encoder.config().projectionDim();
    int logits = Arrays.stream(classes).sum();
    try (NDManager headScope = manager.newSubManager()) {
      headScope.getEngine().setRandomSeed((int) run.seed());
      NDArray weight = headScope.randomNormal(0f, (float) (1 / Math.sqrt(width)), new Shape(logits, width),
          DataType.FLOAT32);
      NDArray bias = headScope.zeros(new Shape(logits));
      Map<String, NDArray> parameters = new LinkedHashMap<>(encoder.namedParameters());
      parameters.put("head.weight", weight);
      parameters.put("head.bias", bias);
      ParameterGroup group = ParameterGroup.named("image_encoder")
          .parameters(new ArrayList<>(parameters.keySet()))
          .optimizer(OptimizerOptions.adamW(learningRate).withGradientClip(1.0))
          .loss(new LossTerm("cross-entropy", 1.0, 0, PluginConfig.of("classes",
              Arrays.stream(classes).boxed().toList())))
          .build();
      int side = encoder.config().imageSize();
      Trainer.Builder builder = Trainer.builder()
          .parameters(parameters)
          .groups(List.of(group))
          .losses(losses)
          .seed(run.seed())
          .stateManager(manager.newSubManager())
          .metadata(Map.of("model", "image-encoder"))
          .step((scope, step) -> {
            int[] indices = FigureWorldImages.batchIndices(run.seed(), step, run.batch(), examples.count());
            NDArray embeds = encoder.forward(examples.crops(indices, side, scope)).imageEmbeds();
            NDArray out = embeds.matMul(weight.transpose()).add(bias);
            Map<LossInput<?>, Object> in = new LinkedHashMap<>();
            in.put(LossInput.PREDICTION, out);
            in.put(LossInput.TARGET, examples.labels(indices, scope));
            return in;
          });
      run.checkpoints().ifPresent(dir -> builder.checkpoints(new CheckpointStore(dir, 2), run.checkpointEvery()));
      try (Trainer trainer = builder.build()) {
        return TrainingRun.runInChunks(trainer, run, progress, listener, cancellation);
      }
    }
  }

  /**
   * The share of examples whose look a head fitted on the embeddings reads right, per head, for reporting: a
   * nearest-class-mean reading of each head on the encoder's embeddings of {@code test}, class means taken on
   * {@code train}.
   */
  public static double[] accuracy(ClipVisionModel encoder, AdapterExamples train, AdapterExamples test,
      NDManager manager) {
    try (NDManager scope = manager.newSubManager(); dev.crossnet.core.nn.GradMode off =
        dev.crossnet.core.nn.GradMode.disabled()) {
      float[][] trainEmb = embeddings(encoder, train, scope);
      float[][] testEmb = embeddings(encoder, test, scope);
      int[] classes = AdapterExamples.classes();
      float[][] trainLabels = labels(train, scope);
      float[][] testLabels = labels(test, scope);
      double[] out = new double[classes.length];
      for (int h = 0; h < classes.length; h++) {
        int d = trainEmb[0].length;
        double[][] means = new double[classes[h]][d];
        int[] counts = new int[classes[h]];
        for (int i = 0; i < trainEmb.length; i++) {
          int c = (int) trainLabels[i][h];
          counts[c]++;
          for (int k = 0; k < d; k++) {
            means[c][k] += trainEmb[i][k];
          }
        }
        int right = 0;
        for (int i = 0; i < testEmb.length; i++) {
          int best = -1;
          double bestDistance = Double.MAX_VALUE;
          for (int c = 0; c < classes[h]; c++) {
            if (counts[c] == 0) {
              continue;
            }
            double distance = 0;
            for (int k = 0; k < d; k++) {
              double diff = testEmb[i][k] - means[c][k] / counts[c];
              distance += diff * diff;
            }
            if (distance < bestDistance) {
              bestDistance = distance;
              best = c;
            }
          }
          right += best == (int) testLabels[i][h] ? 1 : 0;
        }
        out[h] = (double) right / testEmb.length;
      }
      return out;
    }
  }

  static float[][] embeddings(ClipVisionModel encoder, AdapterExamples examples, NDManager scope) {
    int side = encoder.config().imageSize();
    float[][] out = new float[examples.count()][];
    for (int start = 0; start < examples.count(); start += 256) {
      int[] indices = java.util.stream.IntStream.range(start, Math.min(examples.count(), start + 256)).toArray();
      try (NDManager batch = scope.newSubManager()) {
        NDArray e = encoder.forward(examples.crops(indices, side, batch)).imageEmbeds();
        float[] flat = e.toFloatArray();
        int d = flat.length / indices.length;
        for (int i = 0; i < indices.length; i++) {
          out[indices[i]] = Arrays.copyOfRange(flat, i * d, (i + 1) * d);
        }
      }
    }
    return out;
  }

  private static float[][] labels(AdapterExamples examples, NDManager scope) {
    int[] all = java.util.stream.IntStream.range(0, examples.count()).toArray();
    float[] flat = examples.labels(all, scope).toFloatArray();
    float[][] out = new float[all.length][];
    for (int i = 0; i < all.length; i++) {
      out[i] = Arrays.copyOfRange(flat, i * 4, i * 4 + 4);
    }
    return out;
  }
}
