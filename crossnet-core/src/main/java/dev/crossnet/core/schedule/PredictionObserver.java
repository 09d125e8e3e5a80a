package dev.crossnet.core.schedule;

import dev.crossnet.api.image.Picture;

/**
 * Sees every one-step prediction of x0 a measurement decodes, e.g. to read it with a domain's own judge beside the
 * generic signals. Called on the measuring thread, in picture order, then in order of t.
 */
@FunctionalInterface
public interface PredictionObserver {

  PredictionObserver NONE = (index, t, source, prediction) -> {};

  /**
   * @param index the picture's position in the measured list
   * @param t the noise level
   * @param source the picture as given
   * @param prediction the model's x0 prediction from the picture noised to t, decoded
   */
  void onPrediction(int index, double t, MaskedPicture source, Picture prediction);
}
