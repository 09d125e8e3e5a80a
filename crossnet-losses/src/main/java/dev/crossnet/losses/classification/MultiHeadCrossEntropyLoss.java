package dev.crossnet.losses.classification;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import dev.crossnet.api.loss.LossContext;
import dev.crossnet.api.loss.LossInput;
import dev.crossnet.api.loss.TrainingLoss;
import java.util.Arrays;
import java.util.Set;

/**
 * Softmax cross-entropy summed over heads. The prediction is [B, sum(classes)] logits, the heads' blocks side
 * by side; the target is [B, heads] class indices (as floats), where -1 marks "no label" for that item and head.
 * Each head's loss is averaged over its labelled items, so a rarely labelled head is not drowned out.
 */
public final class MultiHeadCrossEntropyLoss implements TrainingLoss {

  private final int[] classes;

  public MultiHeadCrossEntropyLoss(int[] classes) {
    if (classes.length == 0) {
      throw new IllegalArgumentException("cross-entropy loss needs at least one head; set 'classes', "
          + "e.g. [3, 8] for a 3-class and an 8-class head");
    }
    for (int c : classes) {
      if (c < 2) {
        throw new IllegalArgumentException("every head needs at least 2 classes, got " + Arrays.toString(classes));
      }
    }
    this.classes = classes.clone();
  }

  @Override
  public Set<LossInput<?>> requires() {
    return Set.of(LossInput.PREDICTION, LossInput.TARGET);
  }

  @Override
  public NDArray compute(LossContext context) {
    NDArray logits = context.get(LossInput.PREDICTION);
    NDArray target = context.get(LossInput.TARGET);
    int total = Arrays.stream(classes).sum();
    if (logits.getShape().dimension() != 2 || logits.getShape().get(1) != total) {
      throw new IllegalArgumentException("cross-entropy loss: prediction must be [B, " + total + "] for heads "
          + Arrays.toString(classes) + ", got " + logits.getShape());
    }
    if (target.getShape().dimension() != 2 || target.getShape().get(1) != classes.length) {
      throw new IllegalArgumentException("cross-entropy loss: target must be [B, " + classes.length
          + "] class indices, got " + target.getShape());
    }
    NDArray sum = null;
    int offset = 0;
    for (int h = 0; h < classes.length; h++) {
      NDArray head = logits.get(new NDIndex(":, {}:{}", offset, offset + classes[h]));
      NDArray labels = target.get(new NDIndex(":, {}", h));
      NDArray labelled = labels.gte(0).toType(head.getDataType(), false);
      NDArray oneHot = labels.maximum(0).toType(ai.djl.ndarray.types.DataType.INT64, false)
          .oneHot(classes[h]).toType(head.getDataType(), false);
      NDArray nll = head.logSoftmax(1).mul(oneHot).sum(new int[] {1}).neg();
      NDArray term = nll.mul(labelled).sum().div(labelled.sum().add(1e-6f));
      sum = sum == null ? term : sum.add(term);
      offset += classes[h];
    }
    return sum;
  }
}
