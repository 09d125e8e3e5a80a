package dev.crossnet.api.edit;

import dev.crossnet.api.image.Picture;
import java.time.Duration;
import java.util.Map;

/**
 * What an edit produced: the picture, the seed that reproduces it, how long each phase took, and every
 * choice the run made (plugins and their versions, configurations, defaults used).
 *
 * @param picture the edited bedrock
 * @param seed the seed used; passing it back with the same inputs gives the same picture
 * @param timings wall time per phase, in the order the phases ran
 * @param record the run's choices, as readable key/value pairs
 */
public record EditResult(Picture picture, long seed, Map<String, Duration> timings, Map<String, String> record) {

  public EditResult {
    timings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(timings));
    record = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(record));
  }

  /** The sum of all phases. */
  public Duration totalTime() {
    return timings.values().stream().reduce(Duration.ZERO, Duration::plus);
  }
}
