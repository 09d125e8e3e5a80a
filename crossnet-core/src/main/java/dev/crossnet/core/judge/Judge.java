package dev.crossnet.core.judge;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.crossnet.api.image.Picture;
import dev.crossnet.api.region.Mask;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads FigureWorld pictures: for a picture and a focus region, the kind, colours, pose of the figure there,
 * and the picture's figure count and relation. Holds its network's arrays; close it when done.
 */
public final class Judge implements AutoCloseable {

  private final List<JudgeHead> heads;
  private final JudgeNetwork network;
  private final NDManager manager;

  Judge(List<JudgeHead> heads, JudgeNetwork network, NDManager manager) {
    this.heads = List.copyOf(heads);
    this.network = network;
    this.manager = manager;
  }

  public List<JudgeHead> heads() {
    return heads;
  }

  JudgeNetwork network() {
    return network;
  }

  /**
   * Loads a judge folder ({@value JudgeFolder#CONFIG} and {@value JudgeFolder#WEIGHTS}), failing with a
   * {@link JudgeFolderException} that says what is missing or mismatched.
   */
  public static Judge load(Path folder, NDManager manager) {
    return JudgeFolder.load(folder, manager);
  }

  /** Loads a judge folder shipped on the class path, e.g. {@link FigureWorldJudge#BUNDLED_RESOURCE}. */
  public static Judge loadResource(String resourceFolder, NDManager manager) {
    return JudgeFolder.loadResource(resourceFolder, Judge.class, manager);
  }

  /** Writes this judge as a folder that {@link #load} reads back. */
  public void save(Path folder) {
    JudgeFolder.save(this, folder, Map.of());
  }

  /** Reads one picture with the whole picture as focus. */
  public JudgeReading read(Picture picture) {
    return read(picture, FocusMasks.whole(picture.width(), picture.height()));
  }

  /** Reads one picture about the figure in {@code focus}. */
  public JudgeReading read(Picture picture, Mask focus) {
    return readAll(List.of(picture), List.of(focus)).get(0);
  }

  /** Reads a batch of pictures, each with its focus. */
  public List<JudgeReading> readAll(List<Picture> pictures, List<Mask> focus) {
    if (pictures.size() != focus.size()) {
      throw new IllegalArgumentException(pictures.size() + " pictures but " + focus.size() + " focus masks");
    }
    List<JudgeReading> readings = new ArrayList<>();
    try (NDManager scope = manager.newSubManager()) {
      NDArray logits = network.forward(JudgeInputs.of(pictures, focus, scope));
      List<NDArray> blocks = JudgeNetwork.split(logits, heads);
      List<float[]> probabilities = new ArrayList<>();
      for (int h = 0; h < heads.size(); h++) {
        probabilities.add(blocks.get(h).softmax(1).toFloatArray());
      }
      for (int b = 0; b < pictures.size(); b++) {
        Map<String, String> answers = new LinkedHashMap<>();
        Map<String, Double> confidence = new LinkedHashMap<>();
        Map<String, List<Double>> all = new LinkedHashMap<>();
        for (int h = 0; h < heads.size(); h++) {
          int n = heads.get(h).classes().size();
          float[] p = probabilities.get(h);
          int best = 0;
          List<Double> classes = new ArrayList<>(n);
          for (int c = 0; c < n; c++) {
            classes.add((double) p[b * n + c]);
          }
          for (int c = 1; c < n; c++) {
            if (p[b * n + c] > p[b * n + best]) {
              best = c;
            }
          }
          answers.put(heads.get(h).name(), heads.get(h).classes().get(best));
          confidence.put(heads.get(h).name(), (double) p[b * n + best]);
          all.put(heads.get(h).name(), classes);
        }
        readings.add(new JudgeReading(answers, confidence, all));
      }
    }
    return readings;
  }

  @Override
  public void close() {
    manager.close();
  }
}
